import { costsQuerySchema } from "@/lib/domain";
import { asCaller, jsonResponse, parseQuery, routeHandler } from "@/lib/http";
import { getCostsReport } from "@/lib/llm";
import { resolveProject } from "@/lib/projects";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { slug: string };

/**
 * GET /api/v1/projects/[slug]/costs?days=N: what the project's LLM calls cost over the last N
 * UTC days (default 30): totals, by provider and model, by day, by task, and the budget.
 * Admins, members and viewers; others get a 404.
 */
export const GET = routeHandler<Params>(async (request, { params }) => {
  const { slug } = await params;
  const { days } = parseQuery(request, costsQuerySchema);
  const report = await asCaller(request, async (transaction, claims) => {
    const project = await resolveProject({ transaction, claims, reference: slug });
    return getCostsReport({ transaction, project, days });
  });
  return jsonResponse(report);
});
