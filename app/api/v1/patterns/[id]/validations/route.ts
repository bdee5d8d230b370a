import { recordPatternValidation } from "@/lib/feedback";
import { asCaller, jsonResponse, parseBody, parseWith, routeHandler } from "@/lib/http";
import { patternParamsSchema } from "../schema";
import { recordValidationSchema } from "./schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/v1/patterns/{id}/validations: confirms or contradicts a pattern (admins and members, 201). */
export const POST = routeHandler<{ id: string }>(async (request, { params }) => {
  const { id } = parseWith(patternParamsSchema, await params);
  const input = await parseBody(request, recordValidationSchema);
  const result = await asCaller(request, (transaction) => recordPatternValidation({ transaction, patternId: id, input }));
  return jsonResponse(result, { status: 201 });
});
