import { getDatabase, withUser, type JwtClaims } from "@/lib/db";
import type { RelationshipType } from "@/lib/domain";
import { requireProject } from "@/lib/projects";
import { getPatternGraph } from "./pattern-insights";

/**
 * The graph page's first read, in one transaction under the caller's RLS, as
 * `GET /api/v1/projects/<slug>/graph` answers it: the relationships of these types between the
 * project's current patterns (or one pattern's neighbourhood), and those patterns.
 */
export async function readPatternGraph({ claims, slug, query }: {
  claims: JwtClaims;
  slug: string;
  query: { types: RelationshipType[]; limit: number; focus?: string; depth?: number };
}) {
  return withUser(await getDatabase(), claims, async (transaction) => {
    const project = await requireProject({ transaction, slug });
    return getPatternGraph({ transaction, project, types: query.types, maxEdges: query.limit, focus: query.focus, depth: query.depth });
  });
}
