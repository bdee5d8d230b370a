import { describe, expect, it } from "vitest";
import { mergeLiveJobs, type LiveJob } from "@/components/merge-live-jobs";
import type { ProjectJob } from "@/lib/db";

function job(id: string, status: ProjectJob["status"], progress: ProjectJob["progress"], createdAt = "2026-12-06T10:00:00.000Z"): ProjectJob {
  return {
    id, project_id: "p", job_type: "ingest", status, progress, result: null, error: null, attempts: 1, max_attempts: 1,
    created_at: createdAt, started_at: createdAt, finished_at: status === "running" ? null : createdAt,
    repository: "repo", created_by_name: "bob@example.com", created_by_kind: "person",
  } as ProjectJob;
}

describe("mergeLiveJobs", () => {
  it("lays the stream's newer reading over a running job, and keeps the list's when it is newer", () => {
    const listed = [job("a", "running", { phase: "extracting", fraction: 0.1, sequence: 4 })];
    const newer = new Map<string, LiveJob>([["a", { progress: { phase: "writing", fraction: 0.8, sequence: 9 }, finished: false }]]);
    expect(mergeLiveJobs(listed, newer, 10)[0].progress).toEqual({ phase: "writing", fraction: 0.8, sequence: 9 });
    const older = new Map<string, LiveJob>([["a", { progress: { phase: "extracting", fraction: 0.05, sequence: 2 }, finished: false }]]);
    expect(mergeLiveJobs(listed, older, 10)[0].progress).toEqual({ phase: "extracting", fraction: 0.1, sequence: 4 });
  });

  it("never overrides a finished job's outcome", () => {
    const listed = [job("a", "succeeded", { phase: "done", fraction: 1 })];
    const live = new Map<string, LiveJob>([["a", { progress: { phase: "writing", fraction: 0.9, sequence: 12 }, finished: true }]]);
    expect(mergeLiveJobs(listed, live, 10)[0]).toBe(listed[0]);
  });

  it("puts a job the stream announced before the list holds it first, as running, within the limit", () => {
    const listed = [job("old-1", "succeeded", null, "2026-12-06T09:00:00.000Z"), job("old-2", "succeeded", null, "2026-12-06T08:00:00.000Z")];
    const announced = job("new", "running", { phase: "extracting", fraction: 0, sequence: 1 }, "2026-12-06T11:00:00.000Z");
    const live = new Map<string, LiveJob>([["new", { job: announced, progress: { phase: "extracting", fraction: 0.2, sequence: 3, files_done: 3, files_total: 15 }, finished: false }]]);
    const merged = mergeLiveJobs(listed, live, 2);
    expect(merged.map((row) => row.id)).toEqual(["new", "old-1"]);
    expect(merged[0]).toMatchObject({ status: "running", progress: { files_done: 3, sequence: 3 } });
    // Once finished, it waits for the list (read again) instead of standing as running.
    expect(mergeLiveJobs(listed, new Map([["new", { job: announced, progress: null, finished: true }]]), 2).map((row) => row.id)).toEqual(["old-1", "old-2"]);
  });
});
