import { asCaller, jsonResponse, parseBody, parseQuery, routeHandler } from "@/lib/http";
import { createManualPattern, listPatternPage } from "@/lib/patterns";
import { createPatternSchema, listPatternsQueryRefined, toPatternPageRequest } from "./schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/v1/patterns: filtered, sorted patterns the caller may see, by cursor or numbered page, with their total when asked. */
export const GET = routeHandler(async (request) => {
  const query = parseQuery(request, listPatternsQueryRefined);
  const page = await asCaller(request, (transaction, claims) => listPatternPage({ transaction, claims, request: toPatternPageRequest(query) }));
  return jsonResponse(page);
});

/** POST /api/v1/patterns: creates a manual pattern (admins and members, 201). */
export const POST = routeHandler(async (request) => {
  const input = await parseBody(request, createPatternSchema);
  const pattern = await asCaller(request, (transaction, claims) => createManualPattern({ transaction, claims, input }));
  return jsonResponse({ pattern }, { status: 201 });
});
