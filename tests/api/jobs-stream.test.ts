import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as extract } from "@/app/api/v1/extract/route";
import { GET as listJobs } from "@/app/api/v1/projects/[slug]/jobs/route";
import { GET as streamJobs } from "@/app/api/v1/projects/[slug]/jobs/stream/route";
import { asService } from "@/lib/db";
import type { JobProgress, JobStreamMessage } from "@/lib/domain";
import { liveJobIds } from "@/lib/jobs";
import { readSse, type SseReader } from "@/tests/support/sse-reader";
import type { TestAccount } from "./accounts";
import { callRoute, useTestApi } from "./api-harness";
import { buildPatternWorld, type PatternWorld } from "./pattern-world";

let api: Awaited<ReturnType<typeof useTestApi>>;
let world: PatternWorld;
const openStreams: { reader: SseReader; abort: AbortController }[] = [];

// Real code: modules of Debian's Python standard library, uploaded as the Ingest page sends them.
const stdlib = "/usr/lib/python3.11";
const upload = ["json", "email"].flatMap((folder) =>
  fs.readdirSync(path.join(stdlib, folder)).filter((name) => name.endsWith(".py")).map((name) => {
    const file = path.join(folder, name);
    return { path: file, content: fs.readFileSync(path.join(stdlib, file), "utf8") };
  }),
);

async function openStream(account: TestAccount | undefined, slug: string) {
  const abort = new AbortController();
  const headers = new Headers(account ? { cookie: account.cookie } : {});
  const request = new Request(`http://localhost:3000/api/v1/projects/${slug}/jobs/stream`, { headers, signal: abort.signal });
  const response = await streamJobs(request, { params: Promise.resolve({ slug }) });
  if (response.status !== 200) return { response, reader: undefined };
  const reader = readSse(response.body!);
  openStreams.push({ reader, abort });
  await reader.waitForComment("subscribed");
  return { response, reader };
}

const messagesOf = (reader: SseReader) => reader.messages.map((message) => ({ ...(JSON.parse(message.data) as JobStreamMessage), receivedAt: message.receivedAt }));

beforeAll(async () => {
  api = await useTestApi();
  world = await buildPatternWorld();
});
afterEach(async () => {
  for (const stream of openStreams.splice(0)) {
    stream.abort.abort();
    await stream.reader.ended;
  }
});
afterAll(() => api.close());

describe("GET /api/v1/projects/[slug]/jobs/stream", () => {
  it("refuses anonymous callers (401) and outsiders (404) before any stream opens", async () => {
    expect((await openStream(undefined, "alpha")).response.status).toBe(401);
    const outsider = await openStream(world.adminB, "alpha");
    expect(outsider.response.status).toBe(404);
    expect(outsider.reader).toBeUndefined();
  });

  it("streams an upload's job to the project's members and viewers as it runs, every phase, and nothing to another project", async () => {
    const member = (await openStream(world.memberA, "alpha")).reader!;
    const viewer = (await openStream(world.viewerA, "alpha")).reader!;
    const otherProject = (await openStream(world.adminB, "beta")).reader!;
    const answer = await callRoute(extract, { method: "POST", cookie: world.memberA.cookie, body: { project: "alpha", repository: "stdlib-upload", files: upload } });
    const answeredAt = performance.timeOrigin + performance.now();
    expect(answer.status).toBe(200);
    const jobId = answer.body.job_id as string;
    await member.waitForMessages(1);
    const finished = async (reader: SseReader) => {
      for (let tries = 0; tries < 50 && !messagesOf(reader).some((message) => message.type === "finished"); tries++) await new Promise((resolve) => setTimeout(resolve, 20));
      return messagesOf(reader);
    };
    const messages = await finished(member);

    // The job first, as its row reads under the member's RLS, then its readings, then its end.
    const [announced] = messages;
    expect(announced).toMatchObject({ type: "job", job_id: jobId, job: { id: jobId, job_type: "ingest", status: "running", repository: "stdlib-upload", created_by_name: world.memberA.email } });
    expect(messages.at(-1)).toMatchObject({ type: "finished", job_id: jobId });
    const readings = messages.filter((message) => message.type === "progress").map((message) => ({ ...message.progress, receivedAt: message.receivedAt }) as JobProgress & { receivedAt: number });
    expect(new Set(readings.map((reading) => reading.phase))).toEqual(new Set(["extracting", "staging", "embedding", "writing", "done"]));
    expect(readings.filter((reading) => reading.phase === "extracting").at(-1)).toMatchObject({ files_done: upload.length, files_total: upload.length });
    for (const [index, reading] of readings.entries()) {
      if (index === 0) continue;
      expect(reading.sequence!).toBeGreaterThan(readings[index - 1].sequence!);
      expect(reading.fraction).toBeGreaterThanOrEqual(readings[index - 1].fraction);
    }
    // The write's steps arrived while the request was still running, not in a burst at its end.
    expect(readings.find((reading) => reading.phase === "writing")!.receivedAt).toBeLessThan(answeredAt);

    // The viewer's stream reads the job under its own RLS, concurrently with the member's: the
    // readings published during that read are in the announced job's progress, not repeated after
    // it. So the viewer hears the same job from the reading its announcement carries onwards.
    const viewerMessages = await finished(viewer);
    expect(viewerMessages[0]).toMatchObject({ type: "job", job_id: jobId });
    expect(viewerMessages.at(-1)).toMatchObject({ type: "finished", job_id: jobId });
    const sequencesOf = (stream: typeof messages) =>
      stream.flatMap((message) => (message.type === "job" ? [message.job.progress?.sequence ?? 0] : message.type === "progress" ? [message.progress.sequence!] : []));
    const viewerSequences = sequencesOf(viewerMessages);
    for (let index = 1; index < viewerSequences.length; index++) expect(viewerSequences[index]).toBeGreaterThan(viewerSequences[index - 1]);
    const memberSequences = sequencesOf(messages);
    expect(viewerSequences.at(-1)).toBe(memberSequences.at(-1));
    const bothAnnounced = Math.max(viewerSequences[0], memberSequences[0]);
    expect(viewerSequences.filter((sequence) => sequence > bothAnnounced)).toEqual(memberSequences.filter((sequence) => sequence > bothAnnounced));
    expect(otherProject.messages).toEqual([]);
    const listed = await callRoute(listJobs, { cookie: world.memberA.cookie, params: { slug: "alpha" }, url: "http://localhost:3000/api/v1/projects/alpha/jobs" });
    expect(listed.body.jobs[0]).toMatchObject({ id: jobId, status: "succeeded" });
  });

  it("announces a job already running when the stream opens, with its latest reading", async () => {
    const upload2 = upload.map((file) => ({ ...file, path: `again/${file.path}` }));
    const running = callRoute(extract, { method: "POST", cookie: world.memberA.cookie, body: { project: "alpha", repository: "late", files: upload2 } });
    // Opened once the job has started: the stream names it from what the process publishes.
    const [alpha] = await asService(api.database, (transaction) => transaction.query<{ id: string }>("select id from public.projects where slug = 'alpha'"));
    // Polled by time, not by event-loop turns: how many turns the upload takes before its job starts depends on the machine.
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && liveJobIds(alpha.id).length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    expect(liveJobIds(alpha.id)).toHaveLength(1);
    const { reader } = await openStream(world.viewerA, "alpha");
    await reader!.waitForMessages(1);
    await running;
    const [first] = messagesOf(reader!);
    expect(first).toMatchObject({ type: "job", job: { repository: "late", status: "running" } });
    expect(first.type === "job" && first.job.progress?.sequence).toBeGreaterThan(0);
  });
});
