import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const megabyte = 1024 * 1024;
/** Postgres' (and PGlite's) default: enough for a small project, where nothing changes. */
export const defaultBufferPoolBytes = 128 * megabyte;
/** Larger pools were measured no faster at 100k patterns, and cost memory (see below). */
const maxBufferPoolBytes = 512 * megabyte;

/** The bytes of the relation files under `pgdata/base`: tables and indexes, not the WAL. */
export function relationBytes(pgdata: string): number {
  let total = 0;
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) total += fs.statSync(full).size;
    }
  };
  if (fs.existsSync(path.join(pgdata, "base"))) walk(path.join(pgdata, "base"));
  return total;
}

/**
 * Embedded Postgres' buffer pool (`shared_buffers`) for a data dir of `bytes` of tables and
 * indexes: a quarter of them, rounded up to a power of two, between Postgres' default 128 MB
 * and 512 MB, and never more than a quarter of the machine's memory. Postgres sizes the pool
 * when it starts, so a data dir that grew gets the larger pool from its next open.
 *
 * Why: PGlite reads a page that is not in the pool through a file read (~20 µs each). At 100k
 * patterns (1.6 GB of tables and indexes) the default pool of 128 MB re-read ~100 pages per
 * match. Measured on that database (2 cores, match over HTTP, 338 intents per filter, p50/p99
 * ms): unfiltered 14.9/23.8 with 128 MB, 13.8/19.7 with 256 MB, 13.4/20.8 with 512 MB,
 * 13.2/19.8 with 768 MB; class_pattern filter 22.3/46.1, 18.8/37.3, 16.5/31.2, 17.2/31.3;
 * process memory 499 MB, 623 MB, 904 MB, 1.18 GB. Opening that data dir with 512 MB takes
 * ~0.2 s and ~0.4 GB more than with 128 MB (Postgres touches its whole pool at start), which
 * only a long-running server earns back (openDatabase's `serving`).
 */
export function bufferPoolBytes(bytes: number, totalMemory = os.totalmem()): number {
  let pool = defaultBufferPoolBytes;
  while (pool < bytes / 4 && pool < maxBufferPoolBytes) pool *= 2;
  return Math.max(defaultBufferPoolBytes, Math.min(pool, Math.floor(totalMemory / 4 / megabyte) * megabyte));
}

/** `shared_buffers` as Postgres reads it ("512MB"). */
export function formatBufferPool(bytes: number): string {
  return `${Math.round(bytes / megabyte)}MB`;
}
