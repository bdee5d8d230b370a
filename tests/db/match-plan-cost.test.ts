import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asService, listMatchCandidates, recordMatchDetailsByIds, type Database, type Queryable } from "@/lib/db";
import { createTestDatabase } from "@/tests/support/test-database";

// A real Postgres JIT-compiles a statement whose estimated cost is above jit_above_cost
// (100,000 by default): for the match statement that was ~170 ms of CPU on every request, in
// front of a few milliseconds of work, because set-returning functions are estimated at 1,000
// rows each. The statement the match request runs must stay below the threshold, in the plan
// for its actual parameters and in the generic plan a prepared statement falls back to.

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

// The match's two statements (lib/search matchPatterns): the candidates to re-rank (at least 30)
// and the counters and details of those shown, their text and parameters as lib/db sends them.
async function matchStatements(transaction: Queryable, limit: number): Promise<Array<{ text: string; params: unknown[] }>> {
  const statements: Array<{ text: string; params: unknown[] }> = [];
  const recorder: Queryable = {
    driver: transaction.driver,
    query: async (text, params = []) => (statements.push({ text, params }), []),
    exec: transaction.exec,
    copyBinary: transaction.copyBinary,
  };
  await listMatchCandidates({
    transaction: recorder, projectId: "00000000-0000-4000-8000-000000000001", embedding: new Float32Array(384).fill(0.05),
    queryText: "retry a request with exponential backoff", filters: { languages: ["python"] }, limit: Math.max(limit, 30), candidateLimitFor: limit, minSimilarity: 0,
  });
  const ids = Array.from({ length: limit }, (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`);
  await recordMatchDetailsByIds({ transaction: recorder, ids, occurrenceLimit: 50 });
  return statements;
}

const totalCost = (plan: unknown) => (plan as [{ Plan: { "Total Cost": number } }])[0].Plan["Total Cost"];

describe("the match statement's plan", () => {
  it("is estimated below jit_above_cost for every limit a request may ask, custom and generic", async () => {
    await asService(database, async (transaction) => {
      const [{ threshold }] = await transaction.query<{ threshold: number }>(`select current_setting('jit_above_cost', true)::float8 as threshold`);
      // PGlite has no JIT but plans as Postgres does; 100,000 is Postgres' default.
      const limit = Number.isFinite(threshold) && threshold > 0 ? threshold : 100_000;
      for (const requested of [1, 5, 100]) {
        for (const [index, { text, params }] of (await matchStatements(transaction, requested)).entries()) {
          const [custom] = await transaction.query<{ "QUERY PLAN": unknown }>(`explain (format json) ${text}`, params);
          expect(totalCost(custom["QUERY PLAN"]), `limit ${requested}, statement ${index + 1}`).toBeLessThan(limit);
        }
      }
      const [{ text, params }] = await matchStatements(transaction, 100);
      await transaction.exec(`set local plan_cache_mode = force_generic_plan`);
      const types = ["extensions.vector", "text", "uuid", "jsonb", "integer", "double precision", "integer"];
      await transaction.exec(`prepare match_plan_probe (${types.join(", ")}) as ${text.replace("$1::extensions.vector", "$1").replace("$4::jsonb", "$4")}`);
      const literal = (value: unknown) => (typeof value === "number" ? String(value) : `'${String(value).replaceAll("'", "''")}'`);
      const [generic] = await transaction.query<{ "QUERY PLAN": unknown }>(`explain (format json) execute match_plan_probe (${params.map(literal).join(", ")})`);
      await transaction.exec(`deallocate match_plan_probe`);
      expect(totalCost(generic["QUERY PLAN"]), "generic plan").toBeLessThan(limit);
    });
  });
});
