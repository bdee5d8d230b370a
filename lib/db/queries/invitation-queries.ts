import type { Queryable } from "../database";
import { translateDatabaseErrors } from "../database-error";
import type { ProjectMember } from "./member-queries";
import type { ProjectRole } from "@/lib/domain";

/** A pending invitation to a project, as its admins see it. */
export interface ProjectInvitation {
  id: string;
  email: string;
  role: ProjectRole;
  created_at: string;
}

/** An invitation addressed to the caller, with the project it opens. */
export interface ReceivedInvitation {
  id: string;
  project_id: string;
  project_slug: string;
  project_name: string;
  role: ProjectRole;
  invited_by_email: string | null;
  created_at: string;
}

/** Invites an address to a project (admins only, enforced by the database); re-inviting changes the role. */
export async function inviteMemberByEmail({
  transaction,
  projectId,
  email,
  role,
}: {
  transaction: Queryable;
  projectId: string;
  email: string;
  role: ProjectRole;
}): Promise<ProjectInvitation> {
  const [invitation] = await translateDatabaseErrors(() =>
    transaction.query<ProjectInvitation>(
      `select id, email, role, created_at from public.invite_project_member($1, $2, $3)`,
      [projectId, email, role],
    ),
  );
  return invitation;
}

/** A project's pending invitations (admins see them; RLS gives others none). */
export async function listInvitationsByProjectId({ transaction, projectId }: { transaction: Queryable; projectId: string }) {
  return translateDatabaseErrors(() =>
    transaction.query<ProjectInvitation>(
      `select id, email, role, created_at from public.project_invitations where project_id = $1 order by created_at desc`,
      [projectId],
    ),
  );
}

/** Withdraws a pending invitation (admins only); false when none was visible to withdraw. */
export async function deleteInvitationById({ transaction, projectId, invitationId }: { transaction: Queryable; projectId: string; invitationId: string }) {
  const rows = await translateDatabaseErrors(() =>
    transaction.query(`delete from public.project_invitations where project_id = $1 and id = $2 returning id`, [projectId, invitationId]),
  );
  return rows.length === 1;
}

/** The invitations addressed to the caller's account, newest first. */
export async function listInvitationsOfCaller({ transaction }: { transaction: Queryable }): Promise<ReceivedInvitation[]> {
  return translateDatabaseErrors(() =>
    transaction.query<ReceivedInvitation>(
      `select id, project_id, project_slug, project_name, role, invited_by_email, created_at from public.list_my_invitations()`,
    ),
  );
}

/** Accepts an invitation addressed to the caller, who becomes a member (404 when there is none). */
export async function acceptInvitationById({ transaction, invitationId }: { transaction: Queryable; invitationId: string }) {
  const [member] = await translateDatabaseErrors(() =>
    transaction.query<Omit<ProjectMember, "email"> & { project_id: string }>(
      `select project_id, user_id, role, created_at from public.accept_invitation($1)`,
      [invitationId],
    ),
  );
  return member;
}

/** Declines an invitation addressed to the caller; false when there is none. */
export async function declineInvitationById({ transaction, invitationId }: { transaction: Queryable; invitationId: string }) {
  const [row] = await translateDatabaseErrors(() =>
    transaction.query<{ declined: boolean }>(`select public.decline_invitation($1) as declined`, [invitationId]),
  );
  return row.declined;
}
