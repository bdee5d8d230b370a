import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asService, type Database } from "@/lib/db";
import { createBuiltinProvider } from "@/lib/embed";
import { patternProminence } from "@/lib/extract";
import type { ExtractionResult } from "@/lib/domain";
import { ingestExtraction } from "@/lib/ingest";
import { createTestDatabase } from "@/tests/support/test-database";
import { sampleExtraction } from "./support/ingest-fixture";
import { buildWorld, type World } from "./support/world";
import { userClaims } from "./support/run-as";

let database: Database;
let world: World;
const embedder = createBuiltinProvider();

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildWorld(database);
});
afterAll(() => database.close());

const ingest = (result: ExtractionResult, claims = userClaims(world.users.bob), scope?: string[]) =>
  ingestExtraction({ database, claims, projectId: world.alpha.id, result, embedder, scope });

async function snapshot() {
  return asService(database, async (transaction) => ({
    patterns: await transaction.query<{ id: string; extraction_key: string; updated_at: string; name: string }>(
      `select id, extraction_key, updated_at::text, name from public.patterns where project_id = $1 and extraction_key is not null order by extraction_key`, [world.alpha.id]),
    occurrences: await transaction.query<{ file_path: string; start_line: number; qualname: string; removed: boolean }>(
      `select o.file_path, o.start_line, o.qualname, o.removed_at is not null as removed from public.pattern_occurrences o
       join public.patterns p on p.id = o.pattern_id where p.extraction_key is not null order by o.file_path, o.start_line`),
    events: await transaction.query<{ event_type: string; count: number }>(
      `select event_type, count(*)::int as count from public.pattern_events where project_id = $1 and event_data ->> 'source' = 'ingest' group by 1 order by 1`, [world.alpha.id]),
    relationships: (await transaction.query(`select 1 from public.pattern_relationships where evidence ? 'reasons'`)).length,
  }));
}

describe("ingestExtraction", () => {
  it("creates patterns, occurrences (paths as extracted), relationships, events and a finished job", async () => {
    const summary = await ingest(sampleExtraction());
    expect(summary.patterns).toEqual({ received: 3, created: 3, updated: 0, unchanged: 0 });
    // The world's hand-written occurrence (src/a.py) is not in this code: a whole-repository
    // ingest marks it gone.
    expect(summary.occurrences).toEqual({ received: 5, added: 5, moved: 0, revived: 0, removed: 1 });
    expect(summary.relationships).toEqual({ created: 1, updated: 0, removed: 0 });
    const state = await snapshot();
    expect(state.patterns.map((pattern) => pattern.extraction_key)).toEqual(["helper01", "retry01", "single01"]);
    expect(state.occurrences.map((occurrence) => occurrence.file_path)).toEqual([
      "shop/clients/inventory.py", "shop/clients/payments.py", "shop/clients/shipping.py", "shop/config.py", "shop/services/orders.py",
    ]);
    // One feed entry for the run (ingest.completed), the per-pattern events under it.
    expect(state.events).toEqual([
      { event_type: "ingest.completed", count: 1 }, { event_type: "pattern.created", count: 3 }, { event_type: "pattern.occurrences_removed", count: 1 },
    ]);
    const [job] = await asService(database, (transaction) => transaction.query<{ status: string; progress: { fraction: number } }>(
      `select status, progress from public.jobs where id = $1`, [summary.job_id]));
    expect(job).toMatchObject({ status: "succeeded", progress: { fraction: 1 } });
    const [stored] = await asService(database, (transaction) => transaction.query<Record<string, unknown>>(
      `select quality_score, complexity_score, test_coverage_score, embedding_model, vector_dims(embedding) as dims, search_text,
         recurring, caller_count, prominence
       from public.patterns where extraction_key = 'retry01'`));
    expect(stored).toMatchObject({ quality_score: 0.7, complexity_score: 0.9, test_coverage_score: null, embedding_model: embedder.id, dims: 384, recurring: true, caller_count: 1 });
    expect(stored.search_text).toContain("fetch stock");
    const retry = sampleExtraction().patterns[0];
    // Written by ingest (the column is null otherwise): the fixture's one-statement body has no substance, so 0.
    expect(stored.prominence).not.toBeNull();
    expect(stored.prominence).toBeCloseTo(patternProminence(retry), 6);
    const [helper] = await asService(database, (transaction) => transaction.query<{ recurring: boolean; caller_count: number }>(
      `select recurring, caller_count from public.patterns where extraction_key = 'helper01'`));
    expect(helper).toEqual({ recurring: false, caller_count: 0 });
  });

  it("changes nothing when the same code is ingested again: same rows, same updated_at, no events", async () => {
    const before = await snapshot();
    const summary = await ingest(sampleExtraction());
    expect(summary.patterns).toEqual({ received: 3, created: 0, updated: 0, unchanged: 3 });
    expect(summary.occurrences).toEqual({ received: 5, added: 0, moved: 0, revived: 0, removed: 0 });
    expect(summary.events).toBe(0);
    expect(summary.embedded).toBe(0);
    expect(await snapshot()).toEqual(before);
  });

  it("follows changed code: a moved occurrence keeps its row, removed code is marked gone, never duplicated", async () => {
    const changed = sampleExtraction();
    const retry = changed.patterns[0];
    retry.occurrences = [
      { ...retry.occurrences[0], startLine: 14, endLine: 23, unitId: "moved" }, // code added above it
      retry.occurrences[1], // shipping.py's copy was deleted
    ];
    retry.description = "Retries an HTTP call with exponential backoff.";
    const summary = await ingest(changed);
    expect(summary.patterns).toEqual({ received: 3, created: 0, updated: 1, unchanged: 2 });
    expect(summary.occurrences).toEqual({ received: 4, added: 0, moved: 1, revived: 0, removed: 1 });
    const state = await snapshot();
    expect(state.patterns).toHaveLength(3);
    expect(state.occurrences.filter((occurrence) => occurrence.file_path.startsWith("shop/clients/"))).toEqual([
      { file_path: "shop/clients/inventory.py", start_line: 14, qualname: "fetch_stock", removed: false },
      { file_path: "shop/clients/payments.py", start_line: 10, qualname: "charge_card", removed: false },
      { file_path: "shop/clients/shipping.py", start_line: 10, qualname: "book_shipment", removed: true },
    ]);
    expect(state.events).toEqual([
      { event_type: "ingest.completed", count: 2 },
      { event_type: "pattern.created", count: 3 },
      { event_type: "pattern.occurrences_removed", count: 2 },
      { event_type: "pattern.updated", count: 1 },
    ]);
  });

  it("revives an occurrence whose code comes back, and leaves code outside the scope alone", async () => {
    const summary = await ingest(sampleExtraction(), userClaims(world.users.bob), ["shop/clients"]);
    expect(summary.occurrences).toMatchObject({ moved: 1, revived: 1, removed: 0 });
    const partial = sampleExtraction();
    partial.patterns = partial.patterns.slice(0, 1);
    const scoped = await ingest(partial, userClaims(world.users.bob), ["shop/clients"]);
    expect(scoped.occurrences.removed).toBe(0); // shop/config.py and shop/services are outside the scope
  });

  it("refuses a viewer and leaves no job running", async () => {
    await expect(ingest(sampleExtraction(), userClaims(world.users.carol))).rejects.toMatchObject({ code: "forbidden:auth" });
    await expect(ingest(sampleExtraction(), userClaims(world.users.dave))).rejects.toMatchObject({ code: "forbidden:auth" });
  });
});
