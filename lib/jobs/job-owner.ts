import os from "node:os";
import { getEnvironment } from "@/lib/env";

/**
 * Names this process in `jobs.locked_by`: host and pid, so a person can find it. The Deno
 * functions `motif serve` starts run their ingests under the server's name (MOTIF_JOB_OWNER):
 * embedded, the server fails running jobs any other process holds, and they live and die with it.
 */
export function jobOwnerId(): string {
  return getEnvironment().MOTIF_JOB_OWNER ?? `${os.hostname()}:${process.pid}`;
}
