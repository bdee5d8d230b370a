import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databasePrefix, databaseUrl, withServer } from "@/tests/support/real-postgres";

// The CLI as a team without Supabase would use it: `motif db migrate`, `motif ingest` and
// `motif search` with DATABASE_URL naming a database on a plain PostgreSQL 15 + pgvector, and
// the same commands in embedded mode on the same code, which must answer the same.

const repository = path.resolve(import.meta.dirname, "../..");
const motif = path.join(repository, "bin/motif");
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), "motif-cli-postgres-"));
const suffix = randomBytes(4).toString("hex");
const plain = `${databasePrefix()}_f_cli_${suffix}`;
const supabaseLike = `${databasePrefix()}_f_cli_auth_${suffix}`;
const empty = `${databasePrefix()}_f_cli_empty_${suffix}`;

function run(args: string[], environment: { DATABASE_URL?: string; MOTIF_DEBUG?: string } = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, MOTIF_DATA_DIR: path.join(workspace, ".motif"), ...environment };
  if (!environment.DATABASE_URL) delete env.DATABASE_URL;
  const result = spawnSync(process.execPath, [motif, ...args], { cwd: workspace, encoding: "utf8", env, timeout: 180_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  fs.cpSync(path.join(repository, "tests/fixtures/repos/python-service"), path.join(workspace, "service"), { recursive: true });
  await withServer(async (sql) => {
    for (const name of [plain, supabaseLike, empty]) await sql.unsafe(`create database ${name}`);
  });
});

afterAll(async () => {
  await withServer(async (sql) => {
    for (const name of [plain, supabaseLike, empty]) await sql.unsafe(`drop database if exists ${name} with (force)`);
  });
  fs.rmSync(workspace, { recursive: true, force: true });
});

describe("the CLI on a plain Postgres", { timeout: 300_000 }, () => {
  it("motif db migrate creates the auth objects Supabase would have, applies every migration, then has nothing to do; supabase db push agrees", () => {
    const first = run(["db", "migrate"], { DATABASE_URL: databaseUrl(plain) });
    expect(first.stderr).toBe("");
    expect(first.stdout).toMatch(/^Supabase roles and auth objects: created where missing \(a plain Postgres\)\n\d+ migrations applied: 20261121000100, /);
    const second = run(["db", "migrate"], { DATABASE_URL: databaseUrl(plain) });
    expect(second.stdout).toBe("Supabase roles and auth objects: created where missing (a plain Postgres)\n0 migrations applied (the schema is up to date)\n");
    const url = new URL(databaseUrl(plain));
    url.searchParams.set("sslmode", "disable");
    const push = spawnSync(path.join(repository, "node_modules/.bin/supabase"), ["db", "push", "--db-url", url.toString(), "--yes"], { cwd: repository, encoding: "utf8" });
    expect(push.status).toBe(0);
    expect(`${push.stdout}${push.stderr}`).toContain("Remote database is up to date.");
  });

  it("leaves a Supabase project's own auth objects as they are", async () => {
    // Supabase Auth's objects, stood in for by the embedded copies with Supabase Auth's own
    // history table, then an auth.uid() of Supabase's making, which Motif's must not replace.
    const authFiles = fs.readdirSync(path.join(repository, "supabase/embedded")).filter((file) => file.endsWith(".sql") && !file.includes("roles")).sort();
    const ownUid = `${authFiles.map((file) => fs.readFileSync(path.join(repository, "supabase/embedded", file), "utf8")).join(";\n")};
      create table auth.schema_migrations (version text primary key);
      create or replace function auth.uid() returns uuid language sql stable as $$ select '00000000-0000-4000-8000-00000000c0de'::uuid $$;
      alter database ${supabaseLike} set search_path to "$user", public, extensions;`;
    await withServer(async () => {
      const postgres = (await import("postgres")).default;
      const sql = postgres(databaseUrl(supabaseLike), { max: 1, onnotice: () => {} });
      try {
        await sql.unsafe(ownUid);
      } finally {
        await sql.end();
      }
    });
    const migrated = run(["db", "migrate"], { DATABASE_URL: databaseUrl(supabaseLike) });
    expect(migrated.stderr).toBe("");
    expect(migrated.stdout).toMatch(/^Supabase project: its roles and auth objects are left as they are\n\d+ migrations applied/);
    const postgres = (await import("postgres")).default;
    const sql = postgres(databaseUrl(supabaseLike), { max: 1 });
    try {
      const [row] = await sql<{ uid: string }[]>`select auth.uid()::text as uid`;
      expect(row.uid).toBe("00000000-0000-4000-8000-00000000c0de");
    } finally {
      await sql.end();
    }
  });

  // Both engines find the same patterns and score each alike (similarity, full-text score,
  // quality, occurrences); where two tie on the full-text score the SQL breaks the tie by id, a
  // random uuid per ingest, so from the third place on two runs (of either mode) may swap them.
  it("motif ingest and motif search over DATABASE_URL answer what embedded mode answers on the same code", () => {
    type Ranked = { name: string; confidence_score: number; occurrences: Array<{ file_path: string; qualname: string }>;
      metadata: { ranking: { vector_similarity: number; text_score: number | null; quality: number } } };
    const answers = [{ DATABASE_URL: databaseUrl(plain) }, {}].map((environment) => {
      const ingest = run(["ingest", "service", "--project", "demo", "--json", "--jobs", "1"], environment);
      // Embedded mode may report its own maintenance (the autovacuum stand-in) on stderr; nothing else.
      expect(ingest.status, ingest.stderr).toBe(0);
      expect(ingest.stderr.split("\n").filter((line) => line && !line.startsWith("motif: maintenance: "))).toEqual([]);
      expect(JSON.parse(ingest.stdout).patterns.created).toBeGreaterThan(5);
      const search = run(["search", "retry a flaky http call with exponential backoff", "--project", "demo", "--limit", "100", "--json"], environment);
      expect(search.status).toBe(0);
      return (JSON.parse(search.stdout) as { matched_patterns: Ranked[] }).matched_patterns;
    });
    const [onPostgres, embedded] = answers;
    const names = (patterns: Ranked[]) => patterns.map((pattern) => pattern.name);
    const scores = (patterns: Ranked[]) => Object.fromEntries(patterns.map(({ name, occurrences, metadata: { ranking } }) => [
      name, { occurrences: occurrences.map((occurrence) => `${occurrence.file_path} ${occurrence.qualname}`),
        similarity: ranking.vector_similarity, text: ranking.text_score, quality: ranking.quality }]));
    expect(onPostgres[0].name).toMatch(/retry/i);
    expect(names(onPostgres).slice(0, 2)).toEqual(names(embedded).slice(0, 2));
    expect(new Set(names(onPostgres))).toEqual(new Set(names(embedded)));
    expect(scores(onPostgres)).toEqual(scores(embedded));
  });

  it("a database error that is not the caller's says so plainly, and MOTIF_DEBUG prints its cause", () => {
    const plainly = run(["search", "retry", "--project", "demo"], { DATABASE_URL: databaseUrl(empty) });
    expect(plainly.status).toBe(1);
    expect(plainly.stderr).not.toContain("not valid");
    expect(plainly.stderr).toBe('motif: relation "public.projects" does not exist\nmotif: set MOTIF_DEBUG=1 to see the cause\n');
    const debug = run(["search", "retry", "--project", "demo"], { DATABASE_URL: databaseUrl(empty), MOTIF_DEBUG: "1" });
    expect(debug.stderr).toMatch(/motif: cause: SQLSTATE 42P01: relation "[a-z_.]+" does not exist/);
  });
});
