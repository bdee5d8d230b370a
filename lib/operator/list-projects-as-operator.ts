import { asService, listProjectsForOperator, type Database, type ProjectOverview } from "@/lib/db";

/** Every project of the data dir with its member and pattern counts (`motif projects`). */
export function listProjectsAsOperator(database: Database): Promise<ProjectOverview[]> {
  return asService(database, (transaction) => listProjectsForOperator({ transaction }));
}
