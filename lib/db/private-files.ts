import fs from "node:fs";
import path from "node:path";

/**
 * Takes every permission for group and others off a folder and all it holds (folders 0700,
 * files 0600 at most), touching only entries that have any. PGlite writes its files 0666
 * whatever the umask, so this runs when a data dir opens, after migrations, every
 * `privateFilesIntervalMs` while it is open, and when it closes; meanwhile the data dir's own
 * mode 0700 keeps other users from reaching the files at all. Returns how many entries changed.
 */
export function restrictToOwner(folder: string): number {
  let changed = 0;
  const pending = [folder];
  while (pending.length > 0) {
    const current = pending.pop()!;
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(current);
    } catch {
      continue; // removed meanwhile (a temporary file Postgres renamed)
    }
    if (stat.isSymbolicLink()) continue;
    if ((stat.mode & 0o077) !== 0) {
      try {
        fs.chmodSync(current, stat.mode & 0o700);
        changed++;
      } catch {
        // gone meanwhile
      }
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(current, { withFileTypes: false }) as string[]) pending.push(path.join(current, name));
    }
  }
  return changed;
}

/** How often an open data dir's new files are made private again. */
export const privateFilesIntervalMs = 30_000;

/**
 * Keeps a data dir private while it is open: restricts it now and every
 * `privateFilesIntervalMs` (the timer does not hold the process open). Call the returned
 * function after closing the database: it stops the timer and restricts once more.
 */
export function keepPrivate(folder: string): () => void {
  restrictToOwner(folder);
  const timer = setInterval(() => restrictToOwner(folder), privateFilesIntervalMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    restrictToOwner(folder);
  };
}
