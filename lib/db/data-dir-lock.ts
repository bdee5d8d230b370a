import fs from "node:fs";
import path from "node:path";
import { isProcessAlive as isAlive, lockFileName, readLockFile as readLockOwnerRaw, type LockOwner } from "@/lib/env";
import { MotifError } from "@/lib/errors";

export { readLockOwner, type LockOwner } from "@/lib/env";

function describeOwner(dataDir: string, owner: LockOwner): string {
  const where = owner.url ? ` serving ${owner.url}` : "";
  return (
    `The data directory ${dataDir} is in use by process ${owner.pid} (${owner.command}${where}). ` +
    `PGlite allows one process per data directory. Stop that process, ` +
    (owner.url ? `or let this command talk to it over HTTP (it does so where it can), ` : "") +
    `or set MOTIF_DATA_DIR to another folder.`
  );
}

function tryCreate(lockPath: string, owner: LockOwner): boolean {
  try {
    fs.writeFileSync(lockPath, JSON.stringify(owner), { flag: "wx" });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

/**
 * Takes the one-owner lock on a PGlite data dir (PGlite itself does not lock, and two
 * processes on one dir silently lose writes). A lock left by a dead process is taken over.
 * Returns a release function; the lock is also released when the process exits.
 */
export function acquireDataDirLock(dataDir: string, details: { command: string; url?: string }): () => void {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const lockPath = path.join(dataDir, lockFileName);
  const owner: LockOwner = { pid: process.pid, startedAt: new Date().toISOString(), ...details };
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(lockPath, owner)) {
      const release = () => {
        if (readLockOwnerRaw(lockPath)?.pid === process.pid) fs.rmSync(lockPath, { force: true });
      };
      process.once("exit", release);
      return release;
    }
    const current = readLockOwnerRaw(lockPath);
    if (current && isAlive(current.pid) && current.pid !== process.pid) {
      throw new MotifError("locked:data_dir", describeOwner(dataDir, current), current);
    }
    // Stale (its process is gone, or the file is unreadable): move it aside atomically so
    // that of two processes taking it over at once, only one succeeds.
    const aside = `${lockPath}.stale-${process.pid}`;
    try {
      fs.renameSync(lockPath, aside);
      fs.rmSync(aside, { force: true });
    } catch {
      // Someone else moved it first; try again.
    }
  }
  throw new MotifError("locked:data_dir", `Could not take the lock on ${dataDir}; try again.`);
}

/** Records the owner's HTTP address once it is known (the server learns its port late). */
export function advertiseLockUrl(dataDir: string, url: string): void {
  const lockPath = path.join(dataDir, lockFileName);
  const current = readLockOwnerRaw(lockPath);
  if (current?.pid === process.pid) fs.writeFileSync(lockPath, JSON.stringify({ ...current, url }));
}
