import { closePatternUsage } from "@/lib/feedback";
import { asCaller, jsonResponse, parseBody, parseWith, routeHandler } from "@/lib/http";
import { closeUsageSchema, usageParamsSchema } from "./schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** PATCH /api/v1/patterns/{id}/usage/{usageId}: closes a pending usage with its final outcome. */
export const PATCH = routeHandler<{ id: string; usageId: string }>(async (request, { params }) => {
  const { id, usageId } = parseWith(usageParamsSchema, await params);
  const closing = await parseBody(request, closeUsageSchema);
  const result = await asCaller(request, (transaction) =>
    closePatternUsage({ transaction, patternId: id, usageId, closing }),
  );
  return jsonResponse(result);
});
