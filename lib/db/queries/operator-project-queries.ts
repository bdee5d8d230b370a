import type { Queryable } from "../database";

/** A project as the local operator (service_role) reads it. */
export interface OperatorProject {
  id: string;
  slug: string;
  name: string;
  created: boolean;
}

/**
 * The project with this slug, created when it does not exist yet. For the local operator
 * (embedded mode, service_role): it has no account, so the project has no creator and no
 * members until someone signs up in the web app and an operator adds them.
 */
export async function ensureProjectBySlug({
  transaction,
  slug,
  name,
}: {
  transaction: Queryable;
  slug: string;
  name: string;
}): Promise<OperatorProject> {
  const [created] = await transaction.query<OperatorProject>(
    `insert into public.projects (name, slug, created_by) values ($1, $2, null)
     on conflict (slug) do nothing
     returning id, slug, name, true as created`,
    [name, slug],
  );
  if (created) return created;
  const [existing] = await transaction.query<OperatorProject>(
    `select id, slug, name, false as created from public.projects where slug = $1`,
    [slug],
  );
  return existing;
}

/** The project with this slug, for the local operator; undefined when there is none. */
export async function getOperatorProjectBySlug({ transaction, slug }: { transaction: Queryable; slug: string }) {
  const [project] = await transaction.query<OperatorProject>(
    `select id, slug, name, false as created from public.projects where slug = $1`,
    [slug],
  );
  return project;
}

/** The project with this id, for trusted background work (jobs); undefined when there is none. */
export async function getOperatorProjectById({ transaction, projectId }: { transaction: Queryable; projectId: string }) {
  const [project] = await transaction.query<OperatorProject>(`select id, slug, name, false as created from public.projects where id = $1`, [projectId]);
  return project;
}

/**
 * Gives the account with this email (case-insensitive) a role in the project: added, or its
 * role changed (service_role; the membership guard still keeps one admin). Undefined when no
 * account has the email.
 */
export async function upsertProjectMemberByEmail({
  transaction,
  projectId,
  email,
  role,
}: {
  transaction: Queryable;
  projectId: string;
  email: string;
  role: string;
}): Promise<{ user_id: string; email: string; role: string; added: boolean } | undefined> {
  const [member] = await transaction.query<{ user_id: string; email: string; role: string; added: boolean }>(
    `with account as (
       select id, email from auth.users where lower(email) = lower($2) order by created_at limit 1
     ), written as (
       insert into public.project_members (project_id, user_id, role)
       select $1, account.id, $3 from account
       on conflict (project_id, user_id) do update set role = excluded.role
       returning user_id, role, (xmax = 0) as added
     )
     select written.user_id, account.email, written.role, written.added from written join account on account.id = written.user_id`,
    [projectId, email, role],
  );
  return member;
}
