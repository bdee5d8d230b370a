import { getDatabase, getProjectBySlug, withUser, type JwtClaims, type Project } from "@/lib/db";

/**
 * The project a page is about, as the signed-in caller sees it: undefined when it does not
 * exist or RLS hides it (not a member), so the page answers 404 without drawing anything.
 */
export async function findPageProject({ claims, slug }: { claims: JwtClaims; slug: string }): Promise<Project | undefined> {
  return withUser(await getDatabase(), claims, (transaction) => getProjectBySlug({ transaction, slug }));
}
