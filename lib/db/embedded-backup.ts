import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { MotifError } from "@/lib/errors";
import type { Database } from "./database";
import { acquireDataDirLock } from "./data-dir-lock";
import { migrate } from "./migrate";
import { openPgliteDatabase } from "./pglite-driver";

/** The first bytes of a gzip stream: a restore refuses anything else before touching a file. */
const gzipMagic = [0x1f, 0x8b];

/**
 * A consistent copy of the embedded database as a gzipped tarball of its data dir, taken while
 * it serves: a checkpoint writes everything committed into the data files, then PGlite reads
 * them between two statements. A transaction open across that moment is not in the copy (the
 * restore's crash recovery rolls it back), exactly as in a Postgres base backup.
 */
export async function backupEmbeddedDatabase(database: Database): Promise<Blob> {
  const pglite = (database as Database & { pglite?: PGlite }).pglite;
  if (database.driver !== "pglite" || !pglite) {
    throw new MotifError("bad_request:input", "only the embedded database is backed up by Motif; on Supabase use pg_dump (docs/operations.md)");
  }
  await pglite.exec("checkpoint");
  return pglite.dumpDataDir("gzip");
}

/** What a restore replaced. */
export interface RestoreResult {
  dataDir: string;
  migrationsApplied: number;
}

/**
 * Replaces the embedded database of `dataDir` with a backup. Takes the data-dir lock (a running
 * server must be stopped first), unpacks into a fresh folder, opens it (crash recovery) and
 * brings its schema up to date, and only then swaps it in: a bad archive leaves the old data.
 */
export async function restoreEmbeddedDatabase(options: { dataDir: string; archive: Blob; command: string }): Promise<RestoreResult> {
  const head = new Uint8Array(await options.archive.slice(0, 2).arrayBuffer());
  if (head[0] !== gzipMagic[0] || head[1] !== gzipMagic[1]) {
    throw new MotifError("bad_request:input", "that file is not a Motif backup (a gzipped data dir made by `motif db backup`)");
  }
  const release = acquireDataDirLock(options.dataDir, { command: options.command });
  const target = path.join(options.dataDir, "pgdata");
  const incoming = path.join(options.dataDir, "pgdata.restoring");
  const replaced = path.join(options.dataDir, "pgdata.replaced");
  try {
    fs.rmSync(incoming, { recursive: true, force: true });
    await unpack(incoming, options.archive);
    const database = await openPgliteDatabase(incoming);
    const migrationsApplied = await migrate(database, { embedded: true }).finally(() => database.close());
    fs.rmSync(replaced, { recursive: true, force: true });
    if (fs.existsSync(target)) fs.renameSync(target, replaced);
    fs.renameSync(incoming, target);
    fs.rmSync(replaced, { recursive: true, force: true });
    return { dataDir: options.dataDir, migrationsApplied: migrationsApplied.length };
  } catch (error) {
    fs.rmSync(incoming, { recursive: true, force: true });
    throw error;
  } finally {
    release();
  }
}

async function unpack(folder: string, archive: Blob): Promise<void> {
  try {
    const pglite = await PGlite.create(folder, { extensions: { vector }, loadDataDir: archive });
    await pglite.close();
  } catch (error) {
    throw new MotifError("bad_request:input", `the backup could not be unpacked: ${(error as Error).message}`, error);
  }
}
