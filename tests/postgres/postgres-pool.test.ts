import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgresDatabase, type Database } from "@/lib/db";
import { createRealPostgresDatabase, databaseUrl } from "@/tests/support/real-postgres";

// The two pool shapes against a real server: a direct connection prepares each parameterised
// statement once per connection; the transaction-pooler shape never leaves one behind (the next
// transaction may run on another server connection, where it would be missing).

let database: Database;
let name: string;

beforeAll(async () => {
  database = await createRealPostgresDatabase();
  [{ name }] = await database.query<{ name: string }>("select current_database() as name");
});
afterAll(() => database.close());

async function preparedAfterTwoQueries(pool: Database): Promise<number> {
  for (let round = 0; round < 2; round += 1) {
    await pool.query("select count(*)::int as count from public.patterns where project_id = $1", ["00000000-0000-4000-8000-000000000000"]);
  }
  const [row] = await pool.query<{ prepared: number }>("select count(*)::int as prepared from pg_prepared_statements where statement like 'select count(*)::int as count from public.patterns %'");
  return row.prepared;
}

describe("the Supabase-mode pool", () => {
  it("prepares statements on a direct connection, with up to 10 connections", async () => {
    const direct = openPostgresDatabase(databaseUrl(name), { maxConnections: 1 });
    try {
      expect(direct.pool).toMatchObject({ mode: "direct", prepare: true });
      expect(await preparedAfterTwoQueries(direct)).toBe(1);
    } finally {
      await direct.close();
    }
  });

  it("prepares none in the transaction-pooler shape, and still runs parameterised queries and transactions", async () => {
    const pooled = openPostgresDatabase(databaseUrl(name), { maxConnections: 1, poolMode: "transaction" });
    try {
      expect(pooled.pool).toMatchObject({ mode: "transaction", prepare: false, max: 1 });
      expect(await preparedAfterTwoQueries(pooled)).toBe(0);
      const inside = await pooled.transaction((transaction) => transaction.query<{ role: string }>("select set_config('role', 'authenticated', true) as role"));
      expect(inside).toEqual([{ role: "authenticated" }]);
    } finally {
      await pooled.close();
    }
  });
});
