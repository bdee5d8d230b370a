import { asCaller, jsonResponse, parseQuery, routeHandler } from "@/lib/http";
import { countPatternOccurrences, listPatternRepositories } from "@/lib/patterns";
import { requireProject } from "@/lib/projects";
import { occurrenceCountsQuerySchema } from "./schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * GET /api/v1/projects/[slug]/patterns/occurrence-counts?ids=…: how many places in the code each
 * pattern of a table page stands in, and in which repositories (the pattern list itself does not carry them).
 */
export const GET = routeHandler<{ slug: string }>(async (request, { params }) => {
  const { slug } = await params;
  const { ids } = parseQuery(request, occurrenceCountsQuerySchema);
  const body = await asCaller(request, async (transaction) => {
    await requireProject({ transaction, slug });
    return {
      counts: await countPatternOccurrences({ transaction, patternIds: ids }),
      repositories: await listPatternRepositories({ transaction, patternIds: ids }),
    };
  });
  return jsonResponse(body);
});
