import type http from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import type { Database } from "@/lib/db";
import { closeEventStreams } from "@/lib/realtime";
import type { RequestTracker } from "./request-tracker";

/** What a running `motif serve` consists of, in the order a shutdown takes it apart. */
export interface ServerParts {
  server: http.Server;
  requests: RequestTracker;
  background: { stop: () => Promise<void> }[];
  database: Database;
  log: (line: string) => void;
}

/** The whole stop must fit in this; the last part of it is kept for the database. */
const defaultBudgetMs = 8_000;
const databaseReserveMs = 2_500;

function remaining(deadline: number): number {
  return Math.max(0, deadline - performance.now());
}

/**
 * Stops a server cleanly: no new connections; event streams ended (clients reconnect with
 * Last-Event-ID); requests in flight answered, or cut when they outlast the budget; background
 * work stopped (a running job goes back to the queue); the database checkpointed and closed,
 * which releases the data-dir lock. Never takes much longer than `budgetMs`.
 */
export async function stopServer(parts: ServerParts, budgetMs = defaultBudgetMs): Promise<void> {
  const started = performance.now();
  const deadline = started + budgetMs;
  parts.server.close();
  parts.server.closeIdleConnections();
  const streams = closeEventStreams();
  const background = Promise.allSettled(parts.background.map((part) => part.stop()));
  const inFlight = parts.requests.inFlight;
  const drained = await parts.requests.drained(Math.max(0, remaining(deadline) - databaseReserveMs));
  parts.log(`stopping: ${streams} event streams ended, ${inFlight} requests in flight${drained ? " answered" : `, ${parts.requests.inFlight} cut off`}`);
  parts.server.closeAllConnections();
  await Promise.race([background, sleep(Math.max(0, remaining(deadline) - databaseReserveMs / 2))]);
  await closeDatabase(parts.database, parts.log);
  parts.log(`stopped in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function closeDatabase(database: Database, log: (line: string) => void): Promise<void> {
  try {
    // Embedded: everything committed is in the data files, so the next start replays no WAL.
    if (database.driver === "pglite") await database.exec("checkpoint");
  } catch (error) {
    log(`checkpoint failed: ${(error as Error).message}`);
  }
  await database.close();
}
