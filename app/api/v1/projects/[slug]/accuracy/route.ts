import { getProjectAccuracy } from "@/lib/feedback";
import { asCaller, jsonResponse, parseQuery, routeHandler } from "@/lib/http";
import { requireProject } from "@/lib/projects";
import { accuracyQuerySchema } from "./schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * GET /api/v1/projects/[slug]/accuracy: detector accuracy per design-pattern kind (with outcomes),
 * relationship precision and weekly verdicts, against the alert threshold (any project role).
 */
export const GET = routeHandler<{ slug: string }>(async (request, { params }) => {
  const { slug } = await params;
  const { weeks } = parseQuery(request, accuracyQuerySchema);
  const accuracy = await asCaller(request, async (transaction) => {
    const project = await requireProject({ transaction, slug });
    return getProjectAccuracy({ transaction, projectId: project.id, weeks });
  });
  return jsonResponse({ accuracy });
});
