import { asCaller, jsonResponse, parseWith, routeHandler } from "@/lib/http";
import { getPatternLineage } from "@/lib/patterns";
import { patternParamsSchema } from "../schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/v1/patterns/{id}/lineage: every version of the pattern, oldest first. */
export const GET = routeHandler<{ id: string }>(async (request, { params }) => {
  const { id } = parseWith(patternParamsSchema, await params);
  const lineage = await asCaller(request, (transaction) => getPatternLineage({ transaction, patternId: id }));
  return jsonResponse({ lineage });
});
