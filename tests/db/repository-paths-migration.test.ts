import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { asService, ensureProjectBySlug, migrate, openPgliteDatabase, type Database } from "@/lib/db";
import { createBuiltinProvider } from "@/lib/embed";
import { extractPaths } from "@/lib/extract";
import { ingestExtraction } from "@/lib/ingest";
import { createTestDatabase } from "@/tests/support/test-database";

const supabase = path.resolve(import.meta.dirname, "../../supabase");
const fixture = path.resolve(import.meta.dirname, "../fixtures/repos/python-service");
const migration = "20261206190001";
const before = fs.mkdtempSync(path.join(os.tmpdir(), "motif-migrations-"));
const embedder = createBuiltinProvider();
afterAll(() => fs.rmSync(before, { recursive: true, force: true }));

// The schema as it stood before repository-relative paths: embedded SQL and older migrations.
function schemaBefore(): string {
  fs.cpSync(path.join(supabase, "embedded"), path.join(before, "supabase", "embedded"), { recursive: true });
  fs.mkdirSync(path.join(before, "supabase", "migrations"), { recursive: true });
  for (const file of fs.readdirSync(path.join(supabase, "migrations")).filter((name) => name < migration)) {
    fs.copyFileSync(path.join(supabase, "migrations", file), path.join(before, "supabase", "migrations", file));
  }
  return before;
}

// `motif ingest` as it stored paths before: relative to the folder it ran in.
async function ingestFrom(database: Database, projectId: string, cwd: string, paths: string[], scope: string[]) {
  const result = await extractPaths({ paths, cwd, jobs: 1 });
  return ingestExtraction({ database, claims: "service_role", projectId, result, embedder, scope });
}

async function occurrences(database: Database, projectId: string) {
  return asService(database, (transaction) => transaction.query<{ file_path: string; live: boolean; root_relative?: boolean }>(
    `select file_path, removed_at is null as live, (to_jsonb(o) -> 'root_relative')::boolean as root_relative
     from public.pattern_occurrences o where project_id = $1 order by file_path, start_line`, [projectId]));
}

// Two databases migrated and several ingests: 127 s at load ~25 on 2 cores, past the 120 s it had.
describe("the repository-relative paths migration", { timeout: 300_000 }, () => {
  it("collapses occurrences stored twice from two folders, and the next ingest moves legacy paths onto repository-relative ones", async () => {
    // The old ingest, as it stored paths: relative to the working directory. It ran on the
    // current schema here; its rows are then copied into a database at the schema before.
    const current = await createTestDatabase();
    const projectId = (await asService(current, (transaction) => ensureProjectBySlug({ transaction, slug: "doubled", name: "doubled" }))).id;
    const shop = path.join(fixture, "shop");
    // The bug: the root, then `shop/` as the working directory: every shop occurrence stored
    // twice, once marked gone ("shop/clients/payments.py") and once live ("clients/payments.py").
    await ingestFrom(current, projectId, fixture, ["shop"], ["shop"]);
    const rooted = await occurrences(current, projectId);
    await ingestFrom(current, projectId, shop, ["."], [""]);
    const twice = await occurrences(current, projectId);
    expect(twice.length).toBe(rooted.length * 2);
    expect(twice.filter((row) => row.live).map((row) => `shop/${row.file_path}`)).toEqual(rooted.map((row) => row.file_path));

    const database = await openPgliteDatabase("memory://");
    await migrate(database, { embedded: true, root: schemaBefore() });
    for (const table of ["projects", "patterns", "pattern_occurrences"]) {
      const rows = await asService(current, (transaction) => transaction.query<{ rows: unknown }>(`select coalesce(json_agg(t), '[]') as rows from public.${table} t`));
      const [{ columns }] = await database.query<{ columns: string }>(
        `select string_agg(quote_ident(column_name), ', ') as columns from information_schema.columns
         where table_schema = 'public' and table_name = $1 and is_generated = 'NEVER'`, [table]);
      await database.query(`insert into public.${table} (${columns}) select ${columns} from json_populate_recordset(null::public.${table}, $1::json)`, [JSON.stringify(rows[0].rows)]);
    }
    await current.close();

    await migrate(database, { embedded: true });
    const collapsed = await occurrences(database, projectId);
    expect(collapsed.map((row) => `shop/${row.file_path}`)).toEqual(rooted.map((row) => row.file_path));
    expect(collapsed.every((row) => row.live && !row.root_relative)).toBe(true);

    const summary = await ingestFrom(database, projectId, fixture, ["shop"], ["shop"]);
    expect(summary.occurrences).toMatchObject({ added: 0, removed: 0, revived: 0 });
    const rebased = await occurrences(database, projectId);
    expect(rebased.map((row) => row.file_path)).toEqual(rooted.map((row) => row.file_path));
    expect(rebased.every((row) => row.live && row.root_relative)).toBe(true);
    await database.close();
  });
});
