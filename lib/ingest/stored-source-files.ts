import { asService, getOperatorProjectBySlug, listSourceFilesByRepository, readSourceFileExtractions, type Database, type SourceFileRow } from "@/lib/db";

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

/**
 * The local operator's project by slug (its id, undefined when it does not exist yet) and what
 * the last ingest of its repository stored per file, without the extractions (read those with
 * `readStoredExtractionsAsOperator`, or take them from a process's cache).
 */
export async function operatorRepositoryFiles(options: { database: Database; slug: string; repository: string }): Promise<{ projectId: string | undefined; files: SourceFileRow[] }> {
  return asService(options.database, async (transaction) => {
    const project = await getOperatorProjectBySlug({ transaction, slug: options.slug });
    if (!project) return { projectId: undefined, files: [] };
    return { projectId: project.id, files: await listSourceFilesByRepository({ transaction, projectId: project.id, repository: options.repository, withExtractions: false }) };
  });
}

/** The stored extractions of some files of a project's repository, by path, for the local operator. */
export function readStoredExtractionsAsOperator(options: { database: Database; projectId: string; repository: string; files: string[] }): Promise<ReadonlyMap<string, unknown>> {
  return asService(options.database, (transaction) => readSourceFileExtractions({ transaction, projectId: options.projectId, repository: options.repository, files: options.files }));
}
