import { asCaller, jsonResponse, parseQuery, routeHandler } from "@/lib/http";
import { getPatternInsights } from "@/lib/patterns";
import { requireProject } from "@/lib/projects";
import { insightsQuerySchema } from "./schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * GET /api/v1/projects/[slug]/insights: the aggregates the insights page charts (quality tiers,
 * counts by type, kind and language, usage trend, top patterns, complexity against quality).
 */
export const GET = routeHandler<{ slug: string }>(async (request, { params }) => {
  const { slug } = await params;
  const { days } = parseQuery(request, insightsQuerySchema);
  const insights = await asCaller(request, async (transaction) => {
    const project = await requireProject({ transaction, slug });
    return getPatternInsights({ transaction, project, days });
  });
  return jsonResponse({ insights });
});
