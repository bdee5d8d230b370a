import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getPattern } from "@/app/api/v1/patterns/[id]/route";
import { GET as usagePerDay, POST as recordUsage } from "@/app/api/v1/patterns/[id]/usage/route";
import { PATCH as closeUsage } from "@/app/api/v1/patterns/[id]/usage/[usageId]/route";
import { POST as recordValidation } from "@/app/api/v1/patterns/[id]/validations/route";
import { asService } from "@/lib/db";
import { callRoute, useTestApi } from "./api-harness";
import { buildPatternWorld, createTestPattern, type PatternWorld } from "./pattern-world";

let api: Awaited<ReturnType<typeof useTestApi>>;
let world: PatternWorld;
let patternId: string;

const report = (bearer: string | undefined, body: unknown, id = patternId) =>
  callRoute(recordUsage, { method: "POST", bearer, params: { id }, body });

beforeAll(async () => {
  api = await useTestApi();
  world = await buildPatternWorld();
  patternId = (await createTestPattern(world.memberA.token, { project: "alpha", name: "Guarded write", code: "def write(): pass" })).id;
});
afterAll(() => api.close());

describe("POST /api/v1/patterns/{id}/usage", () => {
  it("counts 40 concurrent reports exactly: usage, successes, failures and the average rating", async () => {
    const outcomes = ["successful", "failed", "partial", "pending"] as const;
    const reports = Array.from({ length: 40 }, (_, index) => ({
      session_id: undefined,
      task_id: `task-${index}`,
      outcome: outcomes[index % 4],
      rating: (index % 5) + 1,
      context: { index },
    }));
    const answers = await Promise.all(reports.map((body, index) => report(index % 2 ? world.memberA.token : world.keyA, body)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(40).fill(201));
    const pattern = (await callRoute(getPattern, { bearer: world.viewerA.token, params: { id: patternId } })).body.pattern;
    // 10 of each outcome; ratings 1..5 eight times each: average 3.
    expect(pattern).toMatchObject({ usage_count: 40, success_count: 10, failure_count: 10, success_rate: 0.5, avg_rating: 3, rating_count: 40 });
    expect(pattern.last_used_at).not.toBeNull();
  });

  it("returns the report and the counters after it", async () => {
    const other = await createTestPattern(world.memberA.token, { project: "alpha", name: "Fresh", code: "def fresh(): pass" });
    const first = await report(world.memberA.token, { task_id: "T-1", outcome: "successful", rating: 5, effectiveness: 0.9 }, other.id);
    expect(first.body.usage).toMatchObject({ pattern_id: other.id, task: "T-1", outcome: "successful", rating: 5, effectiveness: 0.9 });
    expect(first.body.pattern).toMatchObject({ usage_count: 1, success_count: 1, failure_count: 0, success_rate: 1, avg_rating: 5 });
    const second = await report(world.memberA.token, { outcome: "failed", rating: 2 }, other.id);
    expect(second.body.pattern).toMatchObject({ usage_count: 2, success_count: 1, failure_count: 1, success_rate: 0.5, avg_rating: 3.5 });
  });

  it("refuses bad fields (400), viewers (403), anonymous callers (401) and other tenants (404)", async () => {
    expect((await report(world.memberA.token, { outcome: "great" })).body.error.message).toMatch(/^outcome: /);
    expect((await report(world.memberA.token, { outcome: "failed", rating: 6 })).body.error.message).toBe("rating: must be 1 to 5");
    expect((await report(world.memberA.token, { outcome: "failed", effectiveness: 1.5 })).body.error.message).toBe("effectiveness: must be between 0 and 1");
    expect((await report(world.memberA.token, { outcome: "failed", session_id: "s-1" })).body.error.message).toBe("session_id: must be the id (uuid) of a session of this project");
    const viewer = await report(world.viewerA.token, { outcome: "successful" });
    expect(viewer.status).toBe(403);
    expect(viewer.body.error.message).toBe("viewers cannot report pattern usage; ask a project admin for the member role");
    expect((await report(world.viewerKeyA, { outcome: "successful" })).status).toBe(403);
    expect((await report(undefined, { outcome: "successful" })).status).toBe(401);
    expect((await report(world.adminB.token, { outcome: "successful" })).status).toBe(404);
    expect((await report(world.keyB, { outcome: "successful" })).status).toBe(404);
    const pattern = (await callRoute(getPattern, { bearer: world.adminA.token, params: { id: patternId } })).body.pattern;
    expect(pattern.usage_count).toBe(40);
  });
});

describe("PATCH /api/v1/patterns/{id}/usage/{usageId}", () => {
  it("closes a pending usage once; its outcome then counts", async () => {
    const target = await createTestPattern(world.memberA.token, { project: "alpha", name: "Loop closer", code: "def close(): pass" });
    const pending = await report(world.keyA, { outcome: "pending", task_id: "T-9" }, target.id);
    expect(pending.body.pattern).toMatchObject({ usage_count: 1, success_count: 0, failure_count: 0, success_rate: null });
    const close = (bearer: string, body: unknown, id = target.id) =>
      callRoute(closeUsage, { method: "PATCH", bearer, params: { id, usageId: pending.body.usage.id }, body });
    expect((await close(world.viewerA.token, { outcome: "successful" })).status).toBe(403);
    expect((await close(world.adminB.token, { outcome: "successful" })).status).toBe(404);
    expect((await close(world.memberA.token, { outcome: "pending" })).body.error.message).toMatch(/^outcome: /);
    expect((await close(world.memberA.token, { outcome: "successful" }, patternId)).status).toBe(404);
    const closed = await close(world.memberA.token, { outcome: "successful", rating: 4 });
    expect(closed.status).toBe(200);
    expect(closed.body.usage).toMatchObject({ outcome: "successful", rating: 4, task: "T-9" });
    expect(closed.body.pattern).toMatchObject({ usage_count: 1, success_count: 1, failure_count: 0, success_rate: 1, avg_rating: 4 });
    const again = await close(world.memberA.token, { outcome: "failed" });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe("this usage already has its final outcome (successful); only a pending usage can be closed");
  });
});

describe("POST /api/v1/patterns/{id}/validations", () => {
  it("counts confirmations and contradictions, concurrently and exactly", async () => {
    const verdicts = Array.from({ length: 12 }, (_, index) => (index % 3 === 0 ? "contradict" : "confirm"));
    const answers = await Promise.all(
      verdicts.map((verdict) => callRoute(recordValidation, { method: "POST", bearer: world.memberA.token, params: { id: patternId }, body: { verdict, evidence: { test: "ci" } } })),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(12).fill(201));
    expect(answers[0].body.validation).toMatchObject({ verdict: "contradicted", evidence: { test: "ci" } });
    const pattern = (await callRoute(getPattern, { bearer: world.viewerA.token, params: { id: patternId } })).body.pattern;
    expect(pattern).toMatchObject({ validation_count: 8, contradiction_count: 4 });
  });

  it("refuses a bad verdict, viewers and other tenants", async () => {
    const validate = (bearer: string, body: unknown) => callRoute(recordValidation, { method: "POST", bearer, params: { id: patternId }, body });
    expect((await validate(world.memberA.token, { verdict: "maybe" })).body.error.message).toMatch(/^verdict: /);
    expect((await validate(world.viewerA.token, { verdict: "confirm" })).status).toBe(403);
    expect((await validate(world.adminB.token, { verdict: "confirm" })).status).toBe(404);
  });
});

describe("GET /api/v1/patterns/{id}/usage", () => {
  it("gives usage per UTC day by outcome, zeros included", async () => {
    const target = await createTestPattern(world.memberA.token, { project: "alpha", name: "Charted", code: "def chart(): pass" });
    await asService(api.database, async (transaction) => {
      const [{ project_id }] = await transaction.query<{ project_id: string }>(`select project_id from public.patterns where id = $1`, [target.id]);
      await transaction.query(
        `insert into public.pattern_usage (project_id, pattern_id, outcome, created_at) values
           ($1, $2, 'successful', now() - interval '2 days'), ($1, $2, 'failed', now() - interval '2 days'),
           ($1, $2, 'partial', now()), ($1, $2, 'successful', now() - interval '40 days')`,
        [project_id, target.id],
      );
    });
    const answer = await callRoute(usagePerDay, { bearer: world.viewerA.token, params: { id: target.id }, url: `http://localhost/x?days=3` });
    expect(answer.status).toBe(200);
    const day = (offset: number) => new Date(Date.now() - offset * 86_400_000).toISOString().slice(0, 10);
    expect(answer.body.days).toEqual([
      { date: day(2), successful: 1, failed: 1, partial: 0, pending: 0, total: 2 },
      { date: day(1), successful: 0, failed: 0, partial: 0, pending: 0, total: 0 },
      { date: day(0), successful: 0, failed: 0, partial: 1, pending: 0, total: 1 },
    ]);
    expect(answer.body.totals).toEqual({ successful: 1, failed: 1, partial: 1, pending: 0, total: 3 });
    const month = await callRoute(usagePerDay, { bearer: world.viewerA.token, params: { id: target.id } });
    expect(month.body.days).toHaveLength(30);
    expect((await callRoute(usagePerDay, { bearer: world.viewerA.token, params: { id: target.id }, url: "http://localhost/x?days=0" })).body.error.message).toBe("days: must be between 1 and 365");
    expect((await callRoute(usagePerDay, { bearer: world.adminB.token, params: { id: target.id } })).status).toBe(404);
  });
});
