import { getProjectBySlug, type Project, type Queryable } from "@/lib/db";
import { MotifError } from "@/lib/errors";

/**
 * The project with this slug as the caller sees it; a 404 when RLS hides it (not a member,
 * or another project's API key), so outsiders cannot even learn that it exists.
 */
export async function requireProject({ transaction, slug }: { transaction: Queryable; slug: string }): Promise<Project> {
  const project = await getProjectBySlug({ transaction, slug });
  if (!project) throw new MotifError("not_found:resource", `project "${slug}" not found`);
  return project;
}

/**
 * Explains why a write that RLS filtered out changed nothing: a non-admin was refused (403),
 * or the admin named a row that does not exist (404).
 */
export function explainNothingChanged(project: Project, action: string, missing: string): MotifError {
  if (project.role !== "admin") return new MotifError("forbidden:auth", `only project admins can ${action}`);
  return new MotifError("not_found:resource", missing);
}
