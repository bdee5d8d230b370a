import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asService, listProjectJobs, withUser, type Database } from "@/lib/db";
import { createBuiltinProvider } from "@/lib/embed";
import { ingestExtraction } from "@/lib/ingest";
import { publishJobProgress, withLiveProgress } from "@/lib/jobs";
import { updatePattern } from "@/lib/patterns";
import { listFeedEntries } from "@/lib/realtime";
import { createTestDatabase } from "@/tests/support/test-database";
import { sampleExtraction } from "./support/ingest-fixture";
import { apiKeyClaims, userClaims } from "./support/run-as";
import { buildWorld, type World } from "./support/world";

let database: Database;
let world: World;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildWorld(database);
});
afterAll(() => database.close());

describe("the feed as entries", () => {
  it("shows an ingest as one entry naming who ran it, with its counts, which lists the patterns it touched", async () => {
    const bob = userClaims(world.users.bob);
    const summary = await ingestExtraction({
      database, claims: bob, projectId: world.alpha.id, result: sampleExtraction(), embedder: createBuiltinProvider(), repository: "shop", files: 5,
    });
    const page = await withUser(database, bob, (transaction) => listFeedEntries({ transaction, projectId: world.alpha.id, limit: 30 }));
    const ingests = page.events.filter((event) => event.event_type === "ingest.completed");
    expect(ingests).toHaveLength(1);
    expect(ingests[0]).toMatchObject({
      actor: world.users.bob, actor_name: "bob@example.com", actor_kind: "person", pattern_id: null, ingest_job_id: null,
      event_data: { job_id: summary.job_id, repository: "shop", files: 5, patterns: { received: 3, created: 3, updated: 0, unchanged: 0 } },
    });
    // Its per-pattern events are not entries of their own...
    expect(page.events.filter((event) => event.ingest_job_id !== null)).toEqual([]);
    // ...they are what the entry opens onto, each naming its pattern.
    const patterns = await withUser(database, bob, (transaction) =>
      listFeedEntries({ transaction, projectId: world.alpha.id, ingest: summary.job_id, limit: 2 }));
    expect(patterns.events.map((event) => event.ingest_job_id)).toEqual([summary.job_id, summary.job_id]);
    expect(patterns.next).not.toBeNull();
    const rest = await withUser(database, bob, (transaction) =>
      listFeedEntries({ transaction, projectId: world.alpha.id, ingest: summary.job_id, after: patterns.next!, limit: 10 }));
    const names = [...patterns.events, ...rest.events].filter((event) => event.event_type === "pattern.created").map((event) => event.pattern_name).sort();
    expect(names).toEqual(["Exponential Backoff Retry Loop", "Order Total Calculation", "Settings Singleton"]);
    expect(rest.next).toBeNull();
  });

  it("names an API key as an agent, and says from what to what a status changed", async () => {
    const key = apiKeyClaims(world.keys.alphaMember);
    const [pattern] = await asService(database, (transaction) =>
      transaction.query<{ id: string }>(`select id from public.patterns where project_id = $1 and status = 'active' order by name limit 1`, [world.alpha.id]));
    await withUser(database, key, (transaction) => updatePattern({ transaction, patternId: pattern.id, changes: { status: "deprecated" } }));
    const [keyName] = await asService(database, (transaction) =>
      transaction.query<{ name: string }>(`select name from public.api_keys where id = $1`, [world.keys.alphaMember]));
    const page = await withUser(database, userClaims(world.users.carol), (transaction) => listFeedEntries({ transaction, projectId: world.alpha.id, limit: 1 }));
    expect(page.events[0]).toMatchObject({
      event_type: "pattern.status_changed", actor_name: keyName.name, actor_kind: "agent", pattern_id: pattern.id,
      event_data: { status: "deprecated", previous_status: "active" },
    });
  });

  it("pages older entries with before, and shows an outsider nothing", async () => {
    const bob = userClaims(world.users.bob);
    const first = await withUser(database, bob, (transaction) => listFeedEntries({ transaction, projectId: world.alpha.id, limit: 1 }));
    const older = await withUser(database, bob, (transaction) => listFeedEntries({ transaction, projectId: world.alpha.id, before: first.next!, limit: 100 }));
    expect(older.events.length).toBeGreaterThan(0);
    expect(older.events.every((event) => event.id < first.events[0].id)).toBe(true);
    const outsider = await withUser(database, userClaims(world.users.erin), (transaction) => listFeedEntries({ transaction, projectId: world.alpha.id, limit: 30 }));
    expect(outsider.events).toEqual([]);
  });
});

describe("ingest jobs", () => {
  it("list their repository and who ran them, and a running one shows the progress its process publishes", async () => {
    const bob = userClaims(world.users.bob);
    const jobs = await withUser(database, bob, (transaction) => listProjectJobs({ transaction, projectId: world.alpha.id, limit: 5 }));
    const ingest = jobs.find((job) => job.job_type === "ingest")!;
    expect(ingest).toMatchObject({ status: "succeeded", repository: "shop", created_by_name: "bob@example.com", created_by_kind: "person" });
    const running = { ...ingest, status: "running" as const };
    publishJobProgress({ jobId: ingest.id, projectId: world.alpha.id, progress: { phase: "extracting", fraction: 0.2, files_done: 40, files_total: 200 } });
    expect(withLiveProgress([running])[0].progress).toEqual({ phase: "extracting", fraction: 0.2, files_done: 40, files_total: 200, sequence: 1 });
    // A finished job keeps the outcome its row holds.
    expect(withLiveProgress([ingest])[0].progress).toEqual(ingest.progress);
  });
});
