import { asService, ensureProjectBySlug, translateDatabaseErrors, type Database, type OperatorProject } from "@/lib/db";
import { recoverAbandonedJobs } from "@/lib/jobs";
import { ingestExtraction, type IngestOptions, type IngestSummary } from "./ingest-extraction";
import { repositoryMemoryFor } from "./repository-memory-for";

/**
 * `motif ingest` as the local operator (the data dir's owner, running as service_role):
 * creates the project when it is new (no creator, no members), then ingests into it. The
 * CLI calls this directly, or the server does for it when `motif serve` owns the data dir.
 */
export async function ingestAsOperator(
  options: Omit<IngestOptions, "claims" | "projectId" | "memory"> & {
    database: Database;
    slug: string;
    /** A long-running process (the server): keep the repository's memory for its next ingest. A one-shot CLI run has no next ingest. */
    rememberRepository?: boolean;
  },
): Promise<IngestSummary & { project: OperatorProject }> {
  const { rememberRepository = false, ...ingestOptions } = options;
  const project = await translateDatabaseErrors(
    () => asService(options.database, (transaction) => ensureProjectBySlug({ transaction, slug: options.slug, name: options.slug })),
    { "bad_request:input": `invalid project slug "${options.slug}": use 2-63 lowercase letters, digits and dashes` },
  );
  // The operator owns the data dir (embedded): a job another process left running died with it.
  await recoverAbandonedJobs({ database: options.database });
  // The server's process writes the repository's next ingest as a difference from this one.
  const memory = rememberRepository ? repositoryMemoryFor(project.id, options.repository ?? "").ingest : undefined;
  const summary = await ingestExtraction({ ...ingestOptions, memory, claims: "service_role", projectId: project.id });
  return { ...summary, project };
}
