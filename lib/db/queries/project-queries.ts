import type { ProjectRole } from "@/lib/domain";
import type { Queryable } from "../database";
import { translateDatabaseErrors } from "../database-error";

/** A project as its caller sees it, with the caller's own role in it. */
export interface Project {
  id: string;
  name: string;
  slug: string;
  created_by: string | null;
  created_at: string;
  /** The caller's role: from project_members for users, from the key for API-key callers. */
  role: ProjectRole | null;
}

// The caller's role is the schema's own rule (membership for users, the key's role for API-key
// callers), the same one every policy applies.
const projectColumns = `p.id, p.name, p.slug, p.created_by, p.created_at, private.project_role(p.id) as role`;
const projectFrom = `public.projects p`;

/** A project in the caller's list: with how many current patterns and members it has. */
export interface ProjectSummary extends Project {
  /** Latest versions, not archived (what the patterns page lists by default and more). */
  pattern_count: number;
  member_count: number;
}

/** The projects RLS lets the caller see, newest first, with their pattern and member counts. */
export async function listProjectsByCaller({ transaction }: { transaction: Queryable }): Promise<ProjectSummary[]> {
  return transaction.query<ProjectSummary>(
    `select ${projectColumns},
       (select count(*)::int from public.patterns x where x.project_id = p.id and x.superseded_by is null and x.status <> 'archived') as pattern_count,
       (select count(*)::int from public.project_members m where m.project_id = p.id) as member_count
     from ${projectFrom} order by p.created_at desc, p.slug`,
  );
}

/** The project with this slug, when the caller may see it. */
export async function getProjectBySlug({
  transaction,
  slug,
}: {
  transaction: Queryable;
  slug: string;
}): Promise<Project | undefined> {
  const [project] = await transaction.query<Project>(`select ${projectColumns} from ${projectFrom} where p.slug = $1`, [
    slug,
  ]);
  return project;
}

/** Creates a project through `create_project`, which makes the caller its admin. */
export async function createProjectBySlug({
  transaction,
  name,
  slug,
}: {
  transaction: Queryable;
  name: string;
  slug: string;
}): Promise<Project> {
  const [project] = await translateDatabaseErrors(
    () => transaction.query<Omit<Project, "role">>(`select * from public.create_project($1, $2)`, [name, slug]),
    { "conflict:resource": `a project with slug "${slug}" already exists` },
  );
  return { ...project, role: "admin" };
}

/** Renames a project; RLS lets only its admins do so (no row comes back otherwise). */
export async function updateProjectNameById({
  transaction,
  projectId,
  name,
}: {
  transaction: Queryable;
  projectId: string;
  name: string;
}): Promise<boolean> {
  const rows = await translateDatabaseErrors(() =>
    transaction.query(`update public.projects set name = $2 where id = $1 returning id`, [projectId, name]),
  );
  return rows.length === 1;
}

/** Deletes a project and everything in it; RLS lets only its admins do so. */
export async function deleteProjectById({
  transaction,
  projectId,
}: {
  transaction: Queryable;
  projectId: string;
}): Promise<boolean> {
  const rows = await translateDatabaseErrors(() =>
    transaction.query(`delete from public.projects where id = $1 returning id`, [projectId]),
  );
  return rows.length === 1;
}
