import {
  createApiKeyByProjectId,
  deleteMemberByUserId,
  deleteProjectById,
  revokeApiKeyById,
  updateMemberRoleByUserId,
  updateProjectNameById,
  type ApiKey,
  type Project,
  type Queryable,
} from "@/lib/db";
import type { ProjectRole } from "@/lib/domain";
import { forgetVerifiedApiKey, generateApiKey } from "@/lib/auth";
import { explainNothingChanged } from "./project-access";

/** Renames a project (admins only; RLS decides, this explains a refusal). */
export async function renameProject({ transaction, project, name }: { transaction: Queryable; project: Project; name: string }) {
  const changed = await updateProjectNameById({ transaction, projectId: project.id, name });
  if (!changed) throw explainNothingChanged(project, "rename the project", `project "${project.slug}" not found`);
  return { ...project, name };
}

/** Deletes a project with everything in it (admins only). */
export async function deleteProject({ transaction, project }: { transaction: Queryable; project: Project }) {
  const deleted = await deleteProjectById({ transaction, projectId: project.id });
  if (!deleted) throw explainNothingChanged(project, "delete the project", `project "${project.slug}" not found`);
}

/** Changes a member's role (admins only; the last admin stays admin). */
export async function changeMemberRole(options: { transaction: Queryable; project: Project; userId: string; role: ProjectRole }) {
  const member = await updateMemberRoleByUserId({ ...options, projectId: options.project.id });
  if (!member) throw explainNothingChanged(options.project, "change roles", "no such member in this project");
  return member;
}

/** Removes a member (admins only; never the last admin). */
export async function removeMember(options: { transaction: Queryable; project: Project; userId: string }) {
  const removed = await deleteMemberByUserId({ ...options, projectId: options.project.id });
  if (!removed) throw explainNothingChanged(options.project, "remove members", "no such member in this project");
}

/** Creates an API key for a project; the key itself is returned this once and never stored. */
export async function createProjectApiKey(options: {
  transaction: Queryable;
  project: Project;
  name: string;
  role: ProjectRole;
}): Promise<{ apiKey: ApiKey; key: string }> {
  const { key, prefix, hash } = generateApiKey();
  const apiKey = await createApiKeyByProjectId({
    transaction: options.transaction,
    projectId: options.project.id,
    name: options.name,
    role: options.role,
    keyPrefix: prefix,
    keyHash: hash,
  });
  return { apiKey, key };
}

/** Revokes one of a project's API keys (admins only); revoking twice keeps the first time. */
export async function revokeProjectApiKey(options: { transaction: Queryable; project: Project; keyId: string }) {
  const apiKey = await revokeApiKeyById({ ...options, projectId: options.project.id });
  if (!apiKey) throw explainNothingChanged(options.project, "revoke API keys", "no such API key in this project");
  // Its next request is verified again, so it is a 401 at once in this process.
  forgetVerifiedApiKey(apiKey.id);
  return apiKey;
}
