import { getPatternUsageByDay, recordPatternUsage } from "@/lib/feedback";
import { asCaller, jsonResponse, parseBody, parseQuery, parseWith, routeHandler } from "@/lib/http";
import { patternParamsSchema } from "../schema";
import { recordUsageSchema, usageQuerySchema } from "./schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { id: string };

/** POST /api/v1/patterns/{id}/usage: reports a use and its outcome (admins and members, 201). */
export const POST = routeHandler<Params>(async (request, { params }) => {
  const { id } = parseWith(patternParamsSchema, await params);
  const report = await parseBody(request, recordUsageSchema);
  const result = await asCaller(request, (transaction) => recordPatternUsage({ transaction, patternId: id, report }));
  return jsonResponse(result, { status: 201 });
});

/** GET /api/v1/patterns/{id}/usage?days=30: usage per UTC day by outcome, for charts. */
export const GET = routeHandler<Params>(async (request, { params }) => {
  const { id } = parseWith(patternParamsSchema, await params);
  const { days } = parseQuery(request, usageQuerySchema);
  const usage = await asCaller(request, (transaction) => getPatternUsageByDay({ transaction, patternId: id, days }));
  return jsonResponse(usage);
});
