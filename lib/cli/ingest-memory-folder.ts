import { createHash } from "node:crypto";
import path from "node:path";
import type { MotifEnvironment } from "@/lib/env";

/**
 * Where `motif ingest` keeps its repositories' ingest memories between runs: under the data
 * dir, one folder per database (embedded, or each DATABASE_URL's server and database, its
 * credentials left out), so two databases never read each other's files.
 */
export function ingestMemoryFolder(environment: Pick<MotifEnvironment, "dataDir" | "DATABASE_URL">): string {
  const root = path.join(environment.dataDir, "ingest-memory");
  if (!environment.DATABASE_URL) return path.join(root, "embedded");
  const url = new URL(environment.DATABASE_URL);
  const database = `${url.protocol}//${url.username}@${url.host}${url.pathname}`;
  return path.join(root, createHash("sha256").update(database).digest("hex").slice(0, 16));
}
