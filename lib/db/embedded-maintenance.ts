import { setTimeout as sleep } from "node:timers/promises";
import { describeMaintenance, dueMaintenance, freezeMayBeDue, runMaintenance } from "./autovacuum";
import type { Database } from "./database";

/** Options of the embedded server's maintenance loop. */
export interface EmbeddedMaintenanceOptions {
  database: Database;
  /** When the server last received a request (performance.now() clock). */
  lastRequestAt: () => number;
  /** Pause between checks (autovacuum_naptime is a minute). */
  intervalMs?: number;
  /** Requests must have paused this long before a VACUUM may hold the one connection. */
  idleMs?: number;
  onLog?: (line: string) => void;
  onError?: (error: Error) => void;
}

/**
 * autovacuum for `motif serve` in embedded mode (lib/db/autovacuum.ts): every minute it asks
 * which tables are due. PGlite has one connection, so a VACUUM stalls every request while it
 * runs (seconds at 100k patterns): due work waits until requests have paused for `idleMs`.
 * A table whose transaction ids are older than autovacuum_freeze_max_age is frozen at once,
 * busy or not (while busy, one catalog row is read to know whether that can be the case).
 */
export function startEmbeddedMaintenance(options: EmbeddedMaintenanceOptions): { stop: () => Promise<void> } {
  const controller = new AbortController();
  const intervalMs = options.intervalMs ?? 60_000;
  const idleMs = options.idleMs ?? 30_000;
  const loop = (async () => {
    while (!controller.signal.aborted) {
      await sleep(intervalMs, undefined, { signal: controller.signal }).catch(() => undefined);
      if (controller.signal.aborted) break;
      try {
        const idle = performance.now() - options.lastRequestAt() >= idleMs;
        // Busy: only a freeze may not wait, and one catalog row says whether one can be due.
        if (!idle && !(await freezeMayBeDue(options.database))) continue;
        const due = await dueMaintenance(options.database);
        const tasks = idle ? due : due.filter((task) => task.freeze);
        const line = describeMaintenance(await runMaintenance(options.database, tasks));
        if (line) options.onLog?.(line);
      } catch (error) {
        options.onError?.(error as Error);
      }
    }
  })();
  return {
    stop: async () => {
      controller.abort();
      await loop;
    },
  };
}
