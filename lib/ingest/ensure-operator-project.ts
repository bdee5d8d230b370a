import { asService, ensureProjectBySlug, translateDatabaseErrors, type Database, type OperatorProject } from "@/lib/db";
import { recoverAbandonedJobs } from "@/lib/jobs";

/**
 * The project a local operator's ingest goes into, created when it is new (no creator, no
 * members). The operator owns the data dir (embedded): a job another process left running
 * died with it, and is recovered first.
 */
export async function ensureOperatorProject(options: { database: Database; slug: string }): Promise<OperatorProject> {
  const project = await translateDatabaseErrors(
    () => asService(options.database, (transaction) => ensureProjectBySlug({ transaction, slug: options.slug, name: options.slug })),
    { "bad_request:input": `invalid project slug "${options.slug}": use 2-63 lowercase letters, digits and dashes` },
  );
  await recoverAbandonedJobs({ database: options.database });
  return project;
}
