import { describeMaintenance, dueMaintenance, getDatabase, readLockOwner, runMaintenance, type Database } from "@/lib/db";
import { getEnvironment } from "@/lib/env";
import { MotifError } from "@/lib/errors";
import { readOperatorToken } from "@/lib/operator";

/** How a CLI command reaches the data: directly, or through the running server that owns it. */
export interface DatabaseAccess<T> {
  direct: (database: Database) => Promise<T>;
  /** Calls the owner's HTTP API; `fetchOwner` adds the operator token. */
  viaServer: (fetchOwner: (path: string, init?: RequestInit) => Promise<Response>) => Promise<T>;
}

/**
 * Runs a CLI operation against the embedded database. PGlite allows one process per data dir:
 * when `motif serve` owns it, the command goes through the server's HTTP API as the local
 * operator; otherwise it opens the data dir itself (taking the lock).
 */
export async function withDatabaseAccess<T>(access: DatabaseAccess<T>): Promise<T> {
  const environment = getEnvironment();
  const owner = environment.mode === "embedded" ? readLockOwner(environment.dataDir) : undefined;
  if (owner?.url && owner.pid !== process.pid) {
    const token = readOperatorToken(environment.dataDir);
    if (!token) throw new MotifError("locked:data_dir", `motif serve at ${owner.url} owns ${environment.dataDir} but left no operator token; restart it.`);
    return access.viaServer((path, init) => fetchOwner(owner.url!, token, path, init));
  }
  const database = await getDatabase({ command: `motif ${process.argv.slice(2, 3).join(" ")}`.trim() });
  try {
    const result = await access.direct(database);
    if (environment.mode === "embedded") await maintainBeforeClose(database);
    return result;
  } finally {
    await database.close();
  }
}

/**
 * Embedded Postgres has no autovacuum, and its statistics of what this process wrote end with
 * it: a command that wrote enough (a large ingest) does autovacuum's work before it closes,
 * and says so when that makes it noticeably longer. A failure here is reported, never turned
 * into a failed command.
 */
async function maintainBeforeClose(database: Database): Promise<void> {
  try {
    const done = await runMaintenance(database, await dueMaintenance(database));
    if (done.reduce((sum, { milliseconds }) => sum + milliseconds, 0) >= 1_000) process.stderr.write(`motif: ${describeMaintenance(done)}\n`);
  } catch (error) {
    process.stderr.write(`motif: maintenance: ${(error as Error).message}\n`);
  }
}

async function fetchOwner(base: string, token: string, path: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(new URL(path, base), {
    ...init,
    headers: { ...init.headers, authorization: `Bearer ${token}` },
  }).catch((error: Error) => {
    throw new MotifError("unavailable:database", `motif serve at ${base} owns the data dir but did not answer (${error.message}).`);
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => undefined)) as { error?: { message?: string } } | undefined;
    throw new MotifError("internal:server", `server answered ${response.status}: ${body?.error?.message ?? response.statusText}`);
  }
  return response;
}
