import fs from "node:fs";
import { getEnvironment } from "@/lib/env";
import type { Database } from "./database";
import { announceMotifHome } from "./announce-motif-home";
import { acquireDataDirLock } from "./data-dir-lock";
import { migrate } from "./migrate";
import { openPgliteDatabase } from "./pglite-driver";
import { openPostgresDatabase } from "./postgres-driver";
import { keepPrivate } from "./private-files";

interface OpenOptions {
  /** Who holds the data-dir lock, shown to a second process that is refused. */
  command?: string;
  url?: string;
  /**
   * A long-running server (`motif serve`): embedded Postgres gets a buffer pool sized for the
   * data dir (lib/db/buffer-pool-size.ts). One-shot commands keep the default: the larger pool
   * costs ~0.2 s and ~0.4 GB at every open of a 100k-pattern data dir.
   */
  serving?: boolean;
}

/**
 * Opens the database of the configured mode and brings its schema up to date. Embedded mode
 * takes the data-dir lock first, so a second process is refused before it can touch a file.
 */
export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  const environment = getEnvironment();
  if (environment.DATABASE_URL) {
    // In Supabase mode `supabase db push` owns the schema; Motif only reads and writes.
    return openPostgresDatabase(environment.DATABASE_URL, {
      maxConnections: environment.MOTIF_DB_POOL_MAX,
      poolMode: environment.MOTIF_DB_POOL_MODE,
    });
  }
  announceMotifHome(environment);
  const release = acquireDataDirLock(environment.dataDir, {
    command: options.command ?? process.argv.slice(1, 3).join(" "),
    url: options.url,
  });
  let stopKeepingPrivate: (() => void) | undefined;
  try {
    // Nobody but the owner may read the database, the JWT secret or the operator token.
    fs.mkdirSync(environment.dataDir, { recursive: true, mode: 0o700 });
    stopKeepingPrivate = keepPrivate(environment.dataDir);
    const database = await openPgliteDatabase(`${environment.dataDir}/pgdata`, { sizeBufferPool: options.serving === true });
    await migrate(database, { embedded: true });
    stopKeepingPrivate();
    stopKeepingPrivate = keepPrivate(environment.dataDir);
    const close = database.close;
    const stop = stopKeepingPrivate;
    return { ...database, close: async () => (await close(), stop(), release()) };
  } catch (error) {
    stopKeepingPrivate?.();
    release();
    throw error;
  }
}

const globalForDatabase = globalThis as unknown as { motifDatabase?: Promise<Database> };

/**
 * The process-wide database, opened on first use. Kept on globalThis so that hot reloads in
 * `next dev` do not open the data dir twice.
 */
export function getDatabase(options: OpenOptions = {}): Promise<Database> {
  globalForDatabase.motifDatabase ??= openDatabase(options).catch((error) => {
    globalForDatabase.motifDatabase = undefined;
    throw error;
  });
  return globalForDatabase.motifDatabase;
}
