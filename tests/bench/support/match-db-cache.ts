import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

// Opt-in (BENCH_MATCH_CACHE=1): the loaded and indexed 100k database is kept in the temp folder
// so that a second run of the match benchmark skips the ~3 minutes of ingest and HNSW build.
// The cache is keyed by the pattern count, the extracted corpus and the code that generates the
// variations, embeds and loads them (lib/embed, lib/ingest). It also records the migrations it was built with: a run whose
// migrations include those unchanged reuses it, and the migrations added since are applied
// when the database opens (as in a user's database); a changed or removed one rebuilds it.
// A new migration that changes how rows are stored (storage, fillfactor) only shows on a
// fresh load: BENCH_MATCH_CACHE=rebuild builds one and replaces the cache.

const repository = path.resolve(import.meta.dirname, "../../..");
const migrationsFolder = path.join(repository, "supabase/migrations");
const keyFiles = ["tests/bench/support/match-corpus.ts", "tests/bench/support/match-world.ts"];
// The code that turns the corpus into rows: another embedder or ingest means another database.
const keyFolders = ["lib/embed", "lib/ingest"];

function sourcesOf(folder: string): string[] {
  return readdirSync(path.join(repository, folder), { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".ts") || name.endsWith(".json"))
    .sort()
    .map((name) => path.join(folder, name));
}

const sha = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

/** sha256 of each migration file, by name. */
export function migrationHashes(): Record<string, string> {
  const names = readdirSync(migrationsFolder).filter((name) => name.endsWith(".sql")).sort();
  return Object.fromEntries(names.map((name) => [name, sha(readFileSync(path.join(migrationsFolder, name)))]));
}

/** Where the database of this size and corpus is cached. */
export function matchCacheFolder(count: number, corpusFile: string): string {
  const files = [...keyFiles, ...keyFolders.flatMap(sourcesOf)];
  const key = sha([String(count), sha(readFileSync(corpusFile)), ...files.map((file) => `${file}=${sha(readFileSync(path.join(repository, file)))}`)].join(":"));
  return path.join(os.tmpdir(), `motif-bench-match-db-${count}-${key.slice(0, 16)}`);
}

/** Whether caching was asked for: "1" reuses or saves, "rebuild" always builds and saves. */
export const matchCacheEnabled = () => process.env.BENCH_MATCH_CACHE === "1" || process.env.BENCH_MATCH_CACHE === "rebuild";

/**
 * Copies the cached data dir into `dataDir` and returns what was saved with it, or undefined
 * when there is no usable cache (none, or a migration it was built with changed since).
 */
export function restoreMatchCache<Saved>(folder: string, dataDir: string): Saved | undefined {
  if (process.env.BENCH_MATCH_CACHE === "rebuild") return undefined;
  const manifest = path.join(folder, "manifest.json");
  if (!existsSync(manifest)) return undefined;
  const { migrations, saved } = JSON.parse(readFileSync(manifest, "utf8")) as { migrations: Record<string, string>; saved: Saved };
  const current = migrationHashes();
  if (Object.entries(migrations).some(([name, hash]) => current[name] !== hash)) return undefined;
  cpSync(path.join(folder, "pgdata"), path.join(dataDir, "pgdata"), { recursive: true });
  return saved;
}

/** Saves a closed data dir (its pgdata folder) with `saved`, replacing an older cache. */
export function storeMatchCache(folder: string, dataDir: string, saved: unknown): void {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  cpSync(path.join(dataDir, "pgdata"), path.join(folder, "pgdata"), { recursive: true });
  writeFileSync(path.join(folder, "manifest.json"), JSON.stringify({ migrations: migrationHashes(), saved }));
}

/**
 * The real-Postgres side of the cache: the bench database is kept on the server (not dropped)
 * and what was saved with it sits in a manifest beside the embedded cache folders, keyed the
 * same way plus the database name. Undefined when there is none or a migration it was built
 * with changed since (migrations added since are applied when the bench opens it).
 */
export function recallPostgresCache<Saved>(count: number, corpusFile: string, databaseName: string): Saved | undefined {
  if (process.env.BENCH_MATCH_CACHE === "rebuild") return undefined;
  const manifest = `${matchCacheFolder(count, corpusFile)}-postgres-${databaseName}.json`;
  if (!existsSync(manifest)) return undefined;
  const { migrations, saved } = JSON.parse(readFileSync(manifest, "utf8")) as { migrations: Record<string, string>; saved: Saved };
  const current = migrationHashes();
  if (Object.entries(migrations).some(([name, hash]) => current[name] !== hash)) return undefined;
  return saved;
}

/** Records what a kept real-Postgres bench database holds (see recallPostgresCache). */
export function storePostgresCache(count: number, corpusFile: string, databaseName: string, saved: unknown): void {
  writeFileSync(`${matchCacheFolder(count, corpusFile)}-postgres-${databaseName}.json`, JSON.stringify({ migrations: migrationHashes(), saved }));
}
