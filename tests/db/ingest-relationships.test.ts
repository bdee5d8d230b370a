import { beforeAll, describe, expect, it } from "vitest";
import { asService, type Database } from "@/lib/db";
import { createBuiltinProvider } from "@/lib/embed";
import type { ExtractionResult } from "@/lib/domain";
import { ingestExtraction } from "@/lib/ingest";
import { createTestDatabase } from "@/tests/support/test-database";
import { sampleExtraction } from "./support/ingest-fixture";
import { userClaims } from "./support/run-as";
import { buildWorld, type World } from "./support/world";

let database: Database;
let world: World;
const embedder = createBuiltinProvider();

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildWorld(database);
  return () => database.close();
});

const ingest = (result: ExtractionResult, scope: string[]) =>
  ingestExtraction({ database, claims: userClaims(world.users.bob), projectId: world.alpha.id, result, embedder, scope });

// The sample, with the helper also using the singleton.
function shop(): ExtractionResult {
  const result = sampleExtraction();
  result.relationships.push({ source: "helper01", target: "single01", type: "USES", strength: 1, confidence: 1, evidence: ["order_total calls Settings"] });
  return result;
}

// Other code of the same project, ingested on its own: a loader that uses a parser.
function tools(): ExtractionResult {
  const result = sampleExtraction();
  result.patterns = result.patterns.slice(1, 3).map((pattern, index) => ({
    ...pattern, key: `tool0${index}`, name: `Tool ${index}`,
    occurrences: pattern.occurrences.map((occurrence) => ({ ...occurrence, file: `tools/${occurrence.file}` })),
  }));
  result.relationships = [{ source: "tool00", target: "tool01", type: "USES", strength: 1, confidence: 1, evidence: ["load calls parse"] }];
  return result;
}

async function edges() {
  return asService(database, (transaction) => transaction.query<{ edge: string; origin: string; updated_at: string }>(
    `select concat(coalesce(s.extraction_key, s.name), ' ', r.relationship_type, ' ', coalesce(t.extraction_key, t.name)) as edge, r.origin, r.updated_at::text
     from public.pattern_relationships r
     join public.patterns s on s.id = r.source_pattern_id join public.patterns t on t.id = r.target_pattern_id
     where r.project_id = $1 order by 1`, [world.alpha.id]));
}

describe("re-ingest and relationships", () => {
  it("replaces the relationships derived from the ingested code, and only those", async () => {
    await ingest(shop(), ["shop"]);
    await ingest(tools(), ["tools"]);
    const manual = await asService(database, (transaction) => transaction.query<{ id: string }>(
      `insert into public.pattern_relationships (project_id, source_pattern_id, target_pattern_id, relationship_type)
       select $1, s.id, t.id, 'SIMILAR_TO' from public.patterns s, public.patterns t
       where s.extraction_key = 'single01' and t.extraction_key = 'helper01' returning id`, [world.alpha.id]));
    expect(manual).toHaveLength(1);
    const before = await edges();
    expect(before.map(({ edge, origin }) => `${edge} (${origin})`)).toEqual([
      "helper01 USES retry01 (ingest)", "helper01 USES single01 (ingest)", "single01 SIMILAR_TO helper01 (manual)",
      "tool00 USES tool01 (ingest)", "Retry with backoff USES Open a transaction (manual)",
    ].sort());

    const unchanged = await ingest(shop(), ["shop"]);
    expect(unchanged.relationships).toEqual({ created: 0, updated: 0, removed: 0 });
    expect(await edges()).toEqual(before);

    // order_total no longer calls Settings.
    const changed = await ingest(sampleExtraction(), ["shop"]);
    expect(changed.relationships).toEqual({ created: 0, updated: 0, removed: 1 });
    const after = await edges();
    expect(after.map(({ edge }) => edge)).toEqual(before.map(({ edge }) => edge).filter((edge) => edge !== "helper01 USES single01"));
    expect(after).toEqual(before.filter(({ edge }) => edge !== "helper01 USES single01"));
  });

  it("drops the relationships of code that disappeared, keeping manual ones", async () => {
    const withoutHelper = sampleExtraction();
    withoutHelper.patterns = withoutHelper.patterns.filter((pattern) => pattern.key !== "helper01");
    withoutHelper.relationships = [];
    const summary = await ingest(withoutHelper, ["shop"]);
    expect(summary.relationships).toEqual({ created: 0, updated: 0, removed: 1 });
    expect((await edges()).map(({ edge }) => edge)).toEqual(["single01 SIMILAR_TO helper01", "tool00 USES tool01", "Retry with backoff USES Open a transaction"].sort());
  });
});
