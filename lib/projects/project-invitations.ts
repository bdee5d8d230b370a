import {
  acceptInvitationById,
  declineInvitationById,
  deleteInvitationById,
  inviteMemberByEmail,
  listInvitationsByProjectId,
  listInvitationsOfCaller,
  type Project,
  type ProjectInvitation,
  type Queryable,
  type ReceivedInvitation,
} from "@/lib/db";
import type { ProjectRole } from "@/lib/domain";
import { MotifError } from "@/lib/errors";
import { explainNothingChanged } from "./project-access";

/** A project's pending invitations (admins; RLS shows others none). */
export function listProjectInvitations({ transaction, project }: { transaction: Queryable; project: Project }): Promise<ProjectInvitation[]> {
  return listInvitationsByProjectId({ transaction, projectId: project.id });
}

/** Invites an address to a project (admins; the database refuses others); re-inviting changes the role. */
export function inviteProjectMember(options: { transaction: Queryable; project: Project; email: string; role: ProjectRole }): Promise<ProjectInvitation> {
  return inviteMemberByEmail({ transaction: options.transaction, projectId: options.project.id, email: options.email, role: options.role });
}

/** The invitations addressed to the signed-in caller's email. */
export function listCallerInvitations({ transaction }: { transaction: Queryable }): Promise<ReceivedInvitation[]> {
  return listInvitationsOfCaller({ transaction });
}

/** The caller joins the project of an invitation addressed to them, with the invited role. */
export function acceptInvitation({ transaction, invitationId }: { transaction: Queryable; invitationId: string }) {
  return acceptInvitationById({ transaction, invitationId });
}

/** Withdraws a pending invitation (admins only). */
export async function withdrawInvitation(options: { transaction: Queryable; project: Project; invitationId: string }) {
  const withdrawn = await deleteInvitationById({ ...options, projectId: options.project.id });
  if (!withdrawn) throw explainNothingChanged(options.project, "withdraw invitations", "no such invitation in this project");
}

/** Declines an invitation addressed to the caller (404 when there is none). */
export async function declineInvitation(options: { transaction: Queryable; invitationId: string }) {
  if (!(await declineInvitationById(options))) throw new MotifError("not_found:resource", `you have no invitation ${options.invitationId}`);
}
