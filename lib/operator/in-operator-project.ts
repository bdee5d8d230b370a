import { asService, getOperatorProjectBySlug, type Database, type OperatorProject, type Queryable } from "@/lib/db";
import { MotifError } from "@/lib/errors";

function notFound(slug: string): MotifError {
  return new MotifError("not_found:resource", `project "${slug}" not found (motif ingest <path> --project ${slug} creates it)`);
}

/**
 * Runs `work` as the local operator (service_role) in the project with this slug; a project
 * that does not exist is a 404 that says how to make one.
 */
export async function inOperatorProject<T>(
  { database, slug }: { database: Database; slug: string },
  work: (transaction: Queryable, project: OperatorProject) => Promise<T>,
): Promise<T> {
  return asService(database, async (transaction) => {
    const project = await getOperatorProjectBySlug({ transaction, slug });
    if (!project) throw notFound(slug);
    return work(transaction, project);
  });
}

/** The project with this slug, read as the local operator; a 404 that says how to make one when there is none. */
export function requireOperatorProject(options: { database: Database; slug: string }): Promise<OperatorProject> {
  return inOperatorProject(options, async (_transaction, project) => project);
}
