import { createProjectBySlug, listProjectsByCaller, type Project, type Queryable } from "@/lib/db";

/** The projects the caller belongs to (an API key: its own project), with the caller's role. */
export function listCallerProjects({ transaction }: { transaction: Queryable }): Promise<Project[]> {
  return listProjectsByCaller({ transaction });
}

/** Creates a project with the caller as its admin. */
export function createProject(options: { transaction: Queryable; name: string; slug: string }): Promise<Project> {
  return createProjectBySlug(options);
}
