import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refreshPatternStatistics, type Database } from "@/lib/db";
import { createBuiltinProvider } from "@/lib/embed";
import { ingestExtraction } from "@/lib/ingest";
import { createTestDatabase } from "@/tests/support/test-database";
import { sampleExtraction } from "./support/ingest-fixture";
import { userClaims } from "./support/run-as";
import { buildWorld, type World } from "./support/world";

// Embedded Postgres has no autovacuum: ingest itself keeps the planner's statistics, which
// match_patterns reads to choose an exact scan or the HNSW index for a filtered match.

let database: Database;
let world: World;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildWorld(database);
});
afterAll(() => database.close());

async function plannerView(): Promise<{ tuples: number; rows: number; analysed: boolean }> {
  const [row] = await database.query<{ tuples: number; rows: number; analysed: boolean }>(
    `select c.reltuples::float8 as tuples, (select count(*)::int from public.patterns) as rows,
            s.last_analyze is not null as analysed
     from pg_class c join pg_stat_user_tables s on s.relid = c.oid where c.oid = 'public.patterns'::regclass`);
  return row;
}

describe("planner statistics of the patterns table", () => {
  it("are taken by the ingest that changes the table, and match its rows", async () => {
    expect((await plannerView()).analysed).toBe(false);
    await ingestExtraction({ database, claims: userClaims(world.users.bob), projectId: world.alpha.id, result: sampleExtraction(), embedder: createBuiltinProvider() });
    const after = await plannerView();
    expect(after.analysed).toBe(true);
    expect(after.tuples).toBe(after.rows);
  });

  it("are left alone when a change is small against the table (autovacuum's 50 rows + 10 %)", async () => {
    expect(await refreshPatternStatistics({ database, changedRows: 0 })).toBe(false);
    expect(await refreshPatternStatistics({ database, changedRows: 49 })).toBe(false);
    expect(await refreshPatternStatistics({ database, changedRows: 60 })).toBe(true);
  });
});
