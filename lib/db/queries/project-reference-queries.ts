import type { Queryable } from "../database";
import type { Project } from "./project-queries";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The project a caller names by id or by slug, when RLS lets them see it. A reference shaped
 * like a uuid is read as an id, anything else as a slug.
 */
export async function getProjectByReference({
  transaction,
  reference,
}: {
  transaction: Queryable;
  reference: string;
}): Promise<Project | undefined> {
  const column = uuidPattern.test(reference) ? "p.id = $1::uuid" : "p.slug = $1";
  const [project] = await transaction.query<Project>(
    `select p.id, p.name, p.slug, p.created_by, p.created_at, private.project_role(p.id) as role
     from public.projects p where ${column}`,
    [reference],
  );
  return project;
}
