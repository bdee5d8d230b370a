import { listApiKeysByProjectId, listMembersByProjectId, type ApiKey, type Project, type ProjectMember, type Queryable } from "@/lib/db";
import { MotifError } from "@/lib/errors";

/** A project's members with their emails and roles (every member may read them). */
export function listProjectMembers({ transaction, project }: { transaction: Queryable; project: Project }): Promise<ProjectMember[]> {
  return listMembersByProjectId({ transaction, projectId: project.id });
}

/** A project's API keys, never the keys themselves. Admins only: RLS would show others an empty list, this says why. */
export async function listProjectApiKeys({ transaction, project }: { transaction: Queryable; project: Project }): Promise<ApiKey[]> {
  if (project.role !== "admin") throw new MotifError("forbidden:auth", "only project admins can see API keys");
  return listApiKeysByProjectId({ transaction, projectId: project.id });
}
