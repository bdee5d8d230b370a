import { ensureSupabaseObjects, migrate, openPostgresDatabase, type Database } from "@/lib/db";
import { resetEnvironmentCache } from "@/lib/env";
import { corpusCacheFile, loadRealCorpus } from "./match-corpus";
import { matchCacheEnabled, recallPostgresCache, storePostgresCache } from "./match-db-cache";
import { loadPatterns, worldOf, type BenchWorld, type WorldFacts } from "./match-world";

const log = (line: string) => process.stderr.write(`[bench:match] ${line}\n`);

/** The bench's own database on the server DATABASE_URL names (BENCH_DATABASE_NAME, default motif_bench_match). */
function benchDatabaseUrl(serverUrl: string): { url: string; name: string } {
  const name = process.env.BENCH_DATABASE_NAME ?? "motif_bench_match";
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`BENCH_DATABASE_NAME must be a plain identifier, got ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), name };
}

// One statement each: a script of several runs as one transaction, which CREATE DATABASE refuses.
async function onServer(serverUrl: string, statements: string[]): Promise<void> {
  const server = openPostgresDatabase(serverUrl, { maxConnections: 1 });
  try {
    for (const statement of statements) await server.exec(statement);
  } finally {
    await server.close();
  }
}

/**
 * The same 100k-pattern world on a real Postgres: a fresh database on DATABASE_URL's server,
 * prepared as `motif db migrate` prepares one (Supabase roles and auth objects, migrations),
 * loaded through ingestExtraction (binary COPY FROM STDIN over postgres.js), HNSW built as
 * the migrations define it. The route handlers then run in Supabase mode against it, on a
 * pool of `connections`. Closing drops the database (BENCH_KEEP_DATABASE=1 keeps it; with
 * BENCH_MATCH_CACHE=1 it is kept and the next run of the same size and corpus reuses it).
 */
export async function buildPostgresCorpusDatabase(count: number, serverUrl: string, connections: number): Promise<BenchWorld & { databaseUrl: string }> {
  const { url, name } = benchDatabaseUrl(serverUrl);
  const cached = matchCacheEnabled();
  if (cached) await loadRealCorpus();
  let saved = cached ? recallPostgresCache<WorldFacts>(count, corpusCacheFile, name) : undefined;
  if (saved && !(await databaseExists(serverUrl, name))) saved = undefined;
  if (!saved) await onServer(serverUrl, [`drop database if exists ${name} with (force)`, `create database ${name}`]);
  const database: Database = openPostgresDatabase(url, { maxConnections: connections });
  await ensureSupabaseObjects(database);
  const applied = await migrate(database, { embedded: false });
  log(`real Postgres: database ${name} ${saved ? "kept from an earlier run (BENCH_MATCH_CACHE=1)" : "created"}, ${applied.length} migrations applied`);
  process.env.DATABASE_URL = url;
  resetEnvironmentCache();
  (globalThis as unknown as { motifDatabase?: Promise<Database> }).motifDatabase = Promise.resolve(database);
  const facts = saved ?? (await loadPatterns(database, count));
  if (cached && !saved) storePostgresCache(count, corpusCacheFile, name, facts);
  const world = worldOf(database, facts, saved !== undefined);
  return {
    ...world,
    databaseUrl: url,
    close: async () => {
      await database.close();
      (globalThis as unknown as { motifDatabase?: unknown }).motifDatabase = undefined;
      delete process.env.DATABASE_URL;
      resetEnvironmentCache();
      if (!process.env.BENCH_KEEP_DATABASE && !cached) await onServer(serverUrl, [`drop database if exists ${name} with (force)`]);
    },
  };
}

async function databaseExists(serverUrl: string, name: string): Promise<boolean> {
  const server = openPostgresDatabase(serverUrl, { maxConnections: 1 });
  try {
    return (await server.query(`select 1 from pg_database where datname = $1`, [name])).length > 0;
  } finally {
    await server.close();
  }
}
