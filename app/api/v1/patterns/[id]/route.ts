import { asCaller, jsonResponse, parseBody, parseQuery, parseWith, routeHandler } from "@/lib/http";
import { getPatternDetails, removePattern, updatePattern } from "@/lib/patterns";
import { deletePatternQuerySchema, patternParamsSchema, updatePatternSchema } from "./schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { id: string };

/** GET /api/v1/patterns/{id}: the pattern with occurrences, relationships and quality parts. */
export const GET = routeHandler<Params>(async (request, { params }) => {
  const { id } = parseWith(patternParamsSchema, await params);
  const pattern = await asCaller(request, (transaction) => getPatternDetails({ transaction, patternId: id }));
  return jsonResponse({ pattern });
});

/** PATCH /api/v1/patterns/{id}: code or description → a new version; other fields in place. */
export const PATCH = routeHandler<Params>(async (request, { params }) => {
  const { id } = parseWith(patternParamsSchema, await params);
  const changes = await parseBody(request, updatePatternSchema);
  const result = await asCaller(request, (transaction) => updatePattern({ transaction, patternId: id, changes }));
  return jsonResponse(result);
});

/** DELETE /api/v1/patterns/{id}: archives (admins); `?hard=true` deletes for good (admins). */
export const DELETE = routeHandler<Params>(async (request, { params }) => {
  const { id } = parseWith(patternParamsSchema, await params);
  const { hard } = parseQuery(request, deletePatternQuerySchema);
  const result = await asCaller(request, (transaction) => removePattern({ transaction, patternId: id, hard }));
  return jsonResponse(result);
});
