import { asService, failAbandonedJobs, type Database } from "@/lib/db";
import { jobOwnerId } from "./job-owner";

/**
 * Marks failed the running jobs of processes that are gone. Leases cover every mode; in
 * embedded mode (PGlite: this process holds the data-dir lock, so it is the only one that can
 * run anything) every running job of another process is abandoned too, lease or not.
 */
export async function recoverAbandonedJobs({ database, owner = jobOwnerId() }: { database: Database; owner?: string }) {
  return asService(database, (transaction) => failAbandonedJobs({ transaction, owner, soleOwner: database.driver === "pglite" }));
}
