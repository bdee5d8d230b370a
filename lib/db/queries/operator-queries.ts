import type { Queryable } from "../database";

/** A project as the local operator sees it (all projects of the data dir). */
export interface ProjectOverview {
  slug: string;
  name: string;
  created_at: string;
  members: number;
  patterns: number;
}

/** Every project with its member and pattern counts; run as service_role (operator only). */
export async function listProjectsForOperator({ transaction }: { transaction: Queryable }): Promise<ProjectOverview[]> {
  return transaction.query<ProjectOverview>(`
    select p.slug, p.name, p.created_at,
      (select count(*)::int from public.project_members m where m.project_id = p.id) as members,
      (select count(*)::int from public.patterns pt where pt.project_id = p.id) as patterns
    from public.projects p
    order by p.created_at, p.slug`);
}
