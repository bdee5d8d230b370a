import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeMaintenance, dueMaintenance, freezeMayBeDue, runMaintenance, startEmbeddedMaintenance, type Database, type MaintenanceTask } from "@/lib/db";
import { createBuiltinProvider } from "@/lib/embed";
import { ingestExtraction } from "@/lib/ingest";
import { createTestDatabase } from "@/tests/support/test-database";
import { sampleExtraction } from "./support/ingest-fixture";
import { userClaims } from "./support/run-as";
import { buildWorld, type World } from "./support/world";

// Embedded Postgres has no autovacuum; Motif does its work by its rules over Postgres' own
// statistics (lib/db/autovacuum.ts). Real PGlite, real migrations, real writes.

let database: Database;
let world: World;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildWorld(database);
  await ingestExtraction({ database, claims: userClaims(world.users.bob), projectId: world.alpha.id, result: sampleExtraction(), embedder: createBuiltinProvider() });
  // A settled start: everything due after the setup is done.
  await runMaintenance(database, await dueMaintenance(database));
});
afterAll(() => database.close());

// A table of the test's own, large enough that page pruning leaves most dead rows to VACUUM.
const probe = "public.autovacuum_probe";
const probeRows = 2_000;

async function tableStats(table: string): Promise<{ dead: number; vacuumed: boolean; analysed: boolean }> {
  await database.query(`select pg_stat_force_next_flush()`);
  const [row] = await database.query<{ dead: number; vacuumed: boolean; analysed: boolean }>(
    `select s.n_dead_tup::int as dead, s.last_vacuum is not null as vacuumed, s.last_analyze is not null as analysed
     from pg_stat_user_tables s where s.relid = $1::regclass`, [table]);
  return row;
}

const taskFor = (tasks: MaintenanceTask[], table: string) => tasks.find((task) => task.table === table);

describe("embedded autovacuum", () => {
  it("has nothing due once the due work is done", async () => {
    expect(await dueMaintenance(database)).toEqual([]);
  });

  it("leaves a table alone under 50 dead rows + 20 %, and vacuums it past that: dead rows reclaimed, nothing due after", async () => {
    await database.exec(`create table ${probe} (id int primary key, value int not null)`);
    await database.query(`insert into ${probe} select g, 0 from generate_series(1, ${probeRows}) g`);
    await runMaintenance(database, await dueMaintenance(database));
    await database.query(`update ${probe} set value = value + 1 where id <= 40`);
    expect(taskFor(await dueMaintenance(database), probe)).toBeUndefined();
    await database.query(`update ${probe} set value = value + 1`);
    const task = taskFor(await dueMaintenance(database), probe);
    expect(task).toMatchObject({ vacuum: true, freeze: false, analyze: true });
    expect(task!.reason).toMatch(/^\d+ dead rows, \d+ rows changed since the last analyze$/);
    expect(Number(task!.reason.split(" ")[0])).toBeGreaterThan(50 + 0.2 * probeRows);
    const done = await runMaintenance(database, [task!]);
    expect(done.map(({ task: finished }) => finished.table)).toEqual([probe]);
    expect(describeMaintenance(done)).toMatch(/^maintenance: vacuum public\.autovacuum_probe \(\d+ dead rows, \d+ rows changed since the last analyze\) in \d+\.\d s$/);
    expect(await tableStats(probe)).toEqual({ dead: 0, vacuumed: true, analysed: true });
    expect(taskFor(await dueMaintenance(database), probe)).toBeUndefined();
  });

  it("analyses only the patterns' filter columns (the vectors and texts would make it five times slower)", async () => {
    const [{ rows }] = await database.query<{ rows: number }>(`select count(*)::int as rows from public.patterns`);
    for (let round = 0; round < Math.ceil(60 / rows); round++) await database.query(`update public.patterns set description = description || ' '`);
    const task = taskFor(await dueMaintenance(database), "public.patterns");
    expect(task?.analyze).toBe(true);
    await runMaintenance(database, [{ ...task!, vacuum: false }]);
    const columns = await database.query<{ column: string }>(`select attname as column from pg_stats where schemaname = 'public' and tablename = 'patterns' order by 1`);
    expect(columns.map((row) => row.column)).not.toContain("embedding");
    expect(columns.map((row) => row.column)).toContain("tags");
  });

  it("freezes a table's transaction ids when asked to", async () => {
    // Burn transaction ids so that the table's oldest unfrozen one ages.
    for (let index = 0; index < 20; index++) await database.query(`select txid_current()`);
    const age = async () => (await database.query<{ age: number }>(`select age(relfrozenxid)::int as age from pg_class where oid = 'public.patterns'::regclass`))[0].age;
    const before = await age();
    expect(before).toBeGreaterThan(20);
    await runMaintenance(database, [{ table: "public.patterns", vacuum: true, freeze: true, analyze: false, reason: "test" }]);
    expect(await age()).toBeLessThan(before);
  });
});

describe("the server's maintenance loop", () => {
  it("waits for requests to pause before a vacuum holds the one connection, then runs it and says so", async () => {
    await database.query(`update ${probe} set value = value + 1`);
    let lastRequestAt = performance.now() + 60_000;
    const lines: string[] = [];
    const errors: Error[] = [];
    const loop = startEmbeddedMaintenance({ database, lastRequestAt: () => lastRequestAt, intervalMs: 20, idleMs: 1_000, onLog: (line) => lines.push(line), onError: (error) => errors.push(error) });
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(lines).toEqual([]);
      expect(taskFor(await dueMaintenance(database), probe)?.vacuum).toBe(true);
      lastRequestAt = performance.now() - 5_000;
      const deadline = performance.now() + 10_000;
      while (!lines.some((line) => line.includes(probe)) && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      await loop.stop();
    }
    expect(errors).toEqual([]);
    expect(lines.find((line) => line.includes(probe))).toMatch(/^maintenance: vacuum public\.autovacuum_probe \(\d+ dead rows, .*\)(, analyze \d+ tables?)? in \d+\.\d s$/);
    expect((await tableStats(probe)).dead).toBe(0);
  });
});

describe("the freeze probe", () => {
  it("reads the database's transaction-id age against autovacuum_freeze_max_age (200M: far off in a new database)", async () => {
    expect(await freezeMayBeDue(database)).toBe(false);
  });
});
