import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { POST as validate } from "@/app/api/v1/patterns/[id]/validations/route";
import { GET as accuracy } from "@/app/api/v1/projects/[slug]/accuracy/route";
import { GET as listEvents } from "@/app/api/v1/projects/[slug]/events/route";
import { asService } from "@/lib/db";
import { createBuiltinProvider } from "@/lib/embed";
import { ingestExtraction } from "@/lib/ingest";
import { writeOperatorToken } from "@/lib/operator";
import { sampleExtraction } from "@/tests/db/support/ingest-fixture";
import { callRoute, useTestApi } from "./api-harness";
import { buildPatternWorld, type PatternWorld } from "./pattern-world";

let api: Awaited<ReturnType<typeof useTestApi>>;
let world: PatternWorld;
let retryId: string;
let otherId: string;

const verdict = (patternId: string, kind: "confirm" | "contradict", evidence: Record<string, unknown> = {}) =>
  callRoute(validate, { method: "POST", bearer: world.keyA, params: { id: patternId }, body: { verdict: kind, evidence } });
const accuracyEvents = async () => (await callRoute(listEvents, { cookie: world.adminA.cookie, params: { slug: "alpha" }, url: "http://localhost:3000/api/v1/projects/alpha/events?limit=500" }))
  .body.events.filter((event: { event_type: string }) => event.event_type.startsWith("accuracy."));
const projectAccuracy = async () => (await callRoute(accuracy, { cookie: world.viewerA.cookie, params: { slug: "alpha" } })).body.accuracy;

beforeAll(async () => {
  api = await useTestApi();
  world = await buildPatternWorld();
  const [alpha] = await asService(api.database, (transaction) => transaction.query<{ id: string }>(`select id from public.projects where slug = 'alpha'`));
  await ingestExtraction({ database: api.database, claims: "service_role", projectId: alpha.id, result: sampleExtraction(), embedder: createBuiltinProvider() });
  const rows = await asService(api.database, (transaction) => transaction.query<{ id: string; kind: string | null }>(`select id, kind from public.patterns where project_id = $1 order by name`, [alpha.id]));
  retryId = rows.find((row) => row.kind === "retry_backoff")!.id;
  otherId = rows.find((row) => row.id !== retryId)!.id;
});
afterAll(() => api.close());

describe("accuracy monitoring", () => {
  it("turns verdicts into detector accuracy per kind, and says once in the feed when a kind slips below 0.7", async () => {
    for (const kind of ["confirm", "confirm", "contradict", "contradict"] as const) expect((await verdict(retryId, kind)).status).toBe(201);
    // Four verdicts are too few to call (at least five by default): no event yet.
    expect(await accuracyEvents()).toEqual([]);
    await verdict(retryId, "contradict");
    await verdict(retryId, "contradict");
    const events = await accuracyEvents();
    expect(events.map((event: { event_type: string; event_data: object }) => [event.event_type, event.event_data])).toEqual([
      ["accuracy.degraded", { kind: "retry_backoff", accuracy: 0.4, confirmed: 2, contradicted: 3, threshold: 0.7 }],
    ]);
    const { kinds, settings } = await projectAccuracy();
    expect(settings).toEqual({ threshold: 0.7, minVerdicts: 5 });
    expect(kinds.find((row: { kind: string }) => row.kind === "retry_backoff")).toMatchObject({ confirmed: 2, contradicted: 4, accuracy: 2 / 6, below_threshold: true });
  });

  it("names the kind in a degraded /api/health while it stays below", async () => {
    const response = await health(new Request("http://localhost:3000/api/health", { headers: { authorization: `Bearer ${writeOperatorToken(api.dataDir)}` } }));
    const body = await response.json();
    expect(body.status).toBe("degraded");
    expect(body.checks.accuracy.message).toBe("detector accuracy below the threshold: retry_backoff in alpha (0.33)");
    expect(body.checks.accuracy.degraded_kinds).toEqual([{ project: "alpha", kind: "retry_backoff", confirmed: 2, contradicted: 4, accuracy: 2 / 6 }]);
  });

  it("says once that it recovered when confirmations bring it back to the threshold", async () => {
    for (let count = 0; count < 8; count++) await verdict(retryId, "confirm");
    const events = await accuracyEvents();
    expect(events.map((event: { event_type: string }) => event.event_type)).toEqual(["accuracy.degraded", "accuracy.recovered"]);
    expect(events[1].event_data).toMatchObject({ kind: "retry_backoff", confirmed: 10, contradicted: 4 });
  });

  it("counts a verdict that names a relationship toward that relationship type's precision, not the kind", async () => {
    const before = (await projectAccuracy()).kinds.find((row: { kind: string }) => row.kind === "retry_backoff");
    await verdict(retryId, "contradict", { relationship_type: "USES", target_pattern_id: otherId });
    await verdict(retryId, "confirm", { relationship_type: "USES", target_pattern_id: otherId });
    const after = await projectAccuracy();
    expect(after.kinds.find((row: { kind: string }) => row.kind === "retry_backoff")).toEqual(before);
    expect(after.relationships).toEqual([{ relationship_type: "USES", confirmed: 1, contradicted: 1, precision: 0.5, below_threshold: false }]);
    const thisWeek = after.weekly.filter((row: { kind: string }) => row.kind === "retry_backoff");
    expect(thisWeek).toHaveLength(1);
    expect(thisWeek[0]).toMatchObject({ confirmed: 10, contradicted: 4 });
  });

  it("is readable by every project role and refused to outsiders", async () => {
    expect((await callRoute(accuracy, { cookie: world.adminB.cookie, params: { slug: "alpha" } })).status).toBe(404);
    expect((await callRoute(accuracy, { params: { slug: "alpha" } })).status).toBe(401);
    expect((await callRoute(accuracy, { cookie: world.viewerA.cookie, params: { slug: "alpha" }, url: "http://localhost:3000/x?weeks=0" })).body.error.message).toBe("weeks: must be between 1 and 104");
  });
});
