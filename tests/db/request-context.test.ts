import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asService, openPostgresDatabase, withUser, type Database } from "@/lib/db";
import { databaseUrl, realPostgresLane } from "@/tests/support/real-postgres";
import { createTestDatabase } from "@/tests/support/test-database";

// A request's role and claims are made as its transaction begins (on the real-Postgres lane:
// BEGIN and the settings pipelined ahead of the first statement, see lib/db/postgres-driver.ts).
// The first statement must already see them, whatever it is: parameterised and never prepared
// on this connection (postgres.js sends such a statement in two steps), or a COPY's temp table.

let database: Database;
// One connection, so that "the next transaction" runs where the last one did (PGlite has one).
let single: Database;
const user = "5f0c7a5e-8d7b-4c55-9a51-1c0f8a3e2b10";

beforeAll(async () => {
  database = await createTestDatabase();
  const [{ name }] = await database.query<{ name: string }>(`select current_database() as name`);
  single = realPostgresLane ? openPostgresDatabase(databaseUrl(name), { maxConnections: 1 }) : database;
});
afterAll(async () => {
  if (single !== database) await single.close();
  await database.close();
});

const tricky = `it's a \\"quoted\\" back\\slash ' -- ; select 1; $$ $x$ \\' end`;

describe("withUser and asService", () => {
  it("run the first statement, parameterised and new to the connection, as the caller with their claims", async () => {
    const claims = { role: "authenticated" as const, sub: user, email: "a@example.com", note: tricky };
    const [row] = await withUser(database, claims, (transaction) => transaction.query<{ role: string; uid: string; claims: string; echo: string }>(
      `select current_user as role, auth.uid()::text as uid, current_setting('request.jwt.claims') as claims, $1::text || ' (first use ' || $2::text || ')' as echo`,
      ["parameters", String(Math.random())],
    ));
    expect(row.role).toBe("authenticated");
    expect(row.uid).toBe(user);
    // The claims arrive byte for byte: quotes, backslashes and SQL-looking text stay data.
    expect(JSON.parse(row.claims)).toEqual(claims);
    expect(row.echo).toMatch(/^parameters \(first use 0\.\d+\)$/);
  });

  it("keep the settings to the transaction: the next one on the pool starts as nobody", async () => {
    const inside = await withUser(single, { role: "authenticated", sub: user }, (transaction) => transaction.query<{ role: string }>(`select current_user as role`));
    expect(inside).toEqual([{ role: "authenticated" }]);
    const [after] = await single.query<{ role: string; claims: string | null }>(
      `select current_user as role, nullif(current_setting('request.jwt.claims', true), '') as claims`);
    expect(after).toEqual({ role: "postgres", claims: null });
  });

  it("see a temp table the transaction made, as the service role, and roll back on an error, throwing that error", async () => {
    const [row] = await asService(database, async (transaction) => {
      await transaction.query(`create temp table settings_probe (value text) on commit drop`);
      return transaction.query<{ role: string; found: string | null }>(`select current_user as role, to_regclass('pg_temp.' || $1)::text as found`, ["settings_probe"]);
    });
    expect(row).toEqual({ role: "service_role", found: "settings_probe" });
    const failed = asService(single, async (transaction) => {
      await transaction.query(`insert into auth.users (email) values ('rolled-back@example.com')`);
      await transaction.query(`select 1 / 0`);
    });
    await expect(failed).rejects.toThrow(/division by zero/);
    const [gone] = await single.query<{ count: number }>(`select count(*)::int as count from auth.users where email = 'rolled-back@example.com'`);
    expect(gone.count).toBe(0);
  });
});
