import { asService, getOperatorProjectBySlug, listSourceFilesByRepository, type Database, type SourceFileRow } from "@/lib/db";

/**
 * What the last ingest of a project's repository stored per file, for the local operator
 * (`motif ingest` plans its incremental run with it); none for a project that does not exist.
 * `withExtractions: false` leaves the extractions out (undefined; null for a failed file).
 */
export async function storedSourceFilesAsOperator(options: { database: Database; slug: string; repository: string; withExtractions?: boolean }): Promise<SourceFileRow[]> {
  return asService(options.database, async (transaction) => {
    const project = await getOperatorProjectBySlug({ transaction, slug: options.slug });
    if (!project) return [];
    return listSourceFilesByRepository({ transaction, projectId: project.id, repository: options.repository, withExtractions: options.withExtractions });
  });
}
