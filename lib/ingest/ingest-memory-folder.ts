import path from "node:path";
import { databaseIdentity, type MotifEnvironment } from "@/lib/env";

/**
 * Where `motif ingest` and `motif serve` keep their repositories' ingest memories between runs: under the data
 * dir, one folder per database (embedded, or each DATABASE_URL's server and database, its
 * credentials left out), so two databases never read each other's files.
 */
export function ingestMemoryFolder(environment: Pick<MotifEnvironment, "dataDir" | "DATABASE_URL">): string {
  return path.join(environment.dataDir, "ingest-memory", databaseIdentity(environment));
}
