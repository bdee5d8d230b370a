import fs from "node:fs";
import path from "node:path";

/** What the owner of a data dir writes into its lock file. */
export interface LockOwner {
  pid: number;
  command: string;
  startedAt: string;
  /** The owner's HTTP address, when it serves one: other processes go through it. */
  url?: string;
}

/** The lock file's name inside a data dir (`lib/db`'s `acquireDataDirLock` takes it). */
export const lockFileName = "motif.lock";

/** Whether a process is alive (one of another user's counts: it still holds what it holds). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The lock file's content as written, alive or not; undefined when absent or unreadable. */
export function readLockFile(lockPath: string): LockOwner | undefined {
  try {
    return JSON.parse(fs.readFileSync(lockPath, "utf8")) as LockOwner;
  } catch {
    return undefined;
  }
}

/**
 * Reads the current owner of a data dir, or undefined when nobody (alive) holds it. Here, beside
 * the operator token, so that a command can learn whether `motif serve` owns the data dir
 * before it loads any database code.
 */
export function readLockOwner(dataDir: string): LockOwner | undefined {
  const owner = readLockFile(path.join(dataDir, lockFileName));
  return owner && isProcessAlive(owner.pid) ? owner : undefined;
}
