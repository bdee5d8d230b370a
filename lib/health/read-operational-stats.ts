import { asService, getDatabase, getOperationalStats } from "@/lib/db";

/** The database's figures for /metrics (job queue, patterns, connections), read as service_role. */
export async function readOperationalStats(): ReturnType<typeof getOperationalStats> {
  return asService(await getDatabase(), (transaction) => getOperationalStats({ transaction }));
}
