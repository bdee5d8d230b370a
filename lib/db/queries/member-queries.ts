import type { Queryable } from "../database";
import { translateDatabaseErrors } from "../database-error";
import type { ProjectRole } from "@/lib/domain";

/** One member of a project, with their email. */
export interface ProjectMember {
  user_id: string;
  email: string;
  role: ProjectRole;
  created_at: string;
}

/** The members of a project, through `list_project_members` (members of it only). */
export async function listMembersByProjectId({
  transaction,
  projectId,
}: {
  transaction: Queryable;
  projectId: string;
}): Promise<ProjectMember[]> {
  return translateDatabaseErrors(() =>
    transaction.query<ProjectMember>(
      `select user_id, email, role, created_at from public.list_project_members($1) order by created_at, email`,
      [projectId],
    ),
  );
}

/**
 * Changes a member's role. RLS lets only admins update; the database refuses to demote the
 * last admin. Returns undefined when no row was visible to change.
 */
export async function updateMemberRoleByUserId({
  transaction,
  projectId,
  userId,
  role,
}: {
  transaction: Queryable;
  projectId: string;
  userId: string;
  role: ProjectRole;
}): Promise<Omit<ProjectMember, "email"> | undefined> {
  const [member] = await translateDatabaseErrors(() =>
    transaction.query<Omit<ProjectMember, "email">>(
      `update public.project_members set role = $3 where project_id = $1 and user_id = $2
       returning user_id, role, created_at`,
      [projectId, userId, role],
    ),
  );
  return member;
}

/** Removes a member (admins only, never the last admin); false when no row was visible. */
export async function deleteMemberByUserId({
  transaction,
  projectId,
  userId,
}: {
  transaction: Queryable;
  projectId: string;
  userId: string;
}): Promise<boolean> {
  const rows = await translateDatabaseErrors(() =>
    transaction.query(`delete from public.project_members where project_id = $1 and user_id = $2 returning user_id`, [
      projectId,
      userId,
    ]),
  );
  return rows.length === 1;
}
