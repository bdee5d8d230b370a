import { asCaller, jsonResponse, parseQuery, routeHandler } from "@/lib/http";
import { getPatternGraph } from "@/lib/patterns";
import { requireProject } from "@/lib/projects";
import { graphQuerySchema } from "./schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/v1/projects/[slug]/graph: the relationships between current patterns (or one pattern's neighbourhood), and those patterns. */
export const GET = routeHandler<{ slug: string }>(async (request, { params }) => {
  const { slug } = await params;
  const { types, limit, focus, depth } = parseQuery(request, graphQuerySchema);
  const graph = await asCaller(request, async (transaction) => {
    const project = await requireProject({ transaction, slug });
    return getPatternGraph({ transaction, project, types, maxEdges: limit, focus, depth });
  });
  return jsonResponse({ graph });
});
