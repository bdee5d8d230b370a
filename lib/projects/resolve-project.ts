import { getProjectByReference, type JwtClaims, type Project, type Queryable } from "@/lib/db";
import { MotifError } from "@/lib/errors";

/**
 * The project a request acts on: the one it names (slug or id), or else an API key's own
 * project. A project the caller cannot see is a 404, so outsiders cannot learn it exists.
 */
export async function resolveProject({
  transaction,
  claims,
  reference,
}: {
  transaction: Queryable;
  claims: JwtClaims;
  reference?: string;
}): Promise<Project> {
  const named = reference ?? (typeof claims.project_id === "string" ? claims.project_id : undefined);
  if (!named) throw new MotifError("bad_request:input", "project: is required (a project slug or id)");
  const project = await getProjectByReference({ transaction, reference: named });
  if (!project) throw new MotifError("not_found:resource", `project "${named}" not found`);
  return project;
}

/** Refuses a caller who may only read the project (viewers, viewer API keys) with a 403. */
export function requireWriter(role: string | null, action: string): void {
  if (role !== "admin" && role !== "member") {
    throw new MotifError("forbidden:auth", `viewers cannot ${action}; ask a project admin for the member role`);
  }
}
