import { getSessionById, listSessionsByProjectId, type Project, type Queryable } from "@/lib/db";
import { MotifError } from "@/lib/errors";

/** A project's analysed sessions, newest first (reports without their Markdown). */
export function listProjectSessions({ transaction, project, limit }: { transaction: Queryable; project: Project; limit: number }) {
  return listSessionsByProjectId({ transaction, projectId: project.id, limit });
}

/** One session of a project with its report and Markdown; a 404 when there is none. */
export async function requireProjectSession({ transaction, project, sessionId }: { transaction: Queryable; project: Project; sessionId: string }) {
  const session = await getSessionById({ transaction, projectId: project.id, sessionId });
  if (!session) throw new MotifError("not_found:resource", `session ${sessionId} not found`);
  return session;
}
