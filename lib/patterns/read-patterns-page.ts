import { getDatabase, withUser, type JwtClaims } from "@/lib/db";
import { requireProject } from "@/lib/projects";
import { listPatternPage, type PatternPageRequest } from "./list-pattern-page";
import { countPatternOccurrences, listPatternRepositories, listRepositoriesOfProject } from "./pattern-insights";

/**
 * The patterns page's first reads in one transaction under the caller's RLS, as
 * `GET /api/v1/patterns`, `…/patterns/occurrence-counts` and `…/repositories` answer them:
 * the page, its rows' occurrence counts and repositories (null for an empty page), and the
 * project's repositories.
 */
export async function readPatternsPage({ claims, slug, request }: { claims: JwtClaims; slug: string; request: PatternPageRequest }) {
  return withUser(await getDatabase(), claims, async (transaction) => {
    const project = await requireProject({ transaction, slug });
    const list = await listPatternPage({ transaction, claims, request });
    const ids = list.patterns.map((pattern) => pattern.id);
    const counts = ids.length === 0 ? null : {
      counts: await countPatternOccurrences({ transaction, patternIds: ids }),
      repositories: await listPatternRepositories({ transaction, patternIds: ids }),
    };
    return { list, ids, counts, repositories: await listRepositoriesOfProject({ transaction, project }) };
  });
}
