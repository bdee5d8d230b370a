import { operatorMemberSchema } from "@/lib/domain";
import { jsonResponse, parseBody, routeHandler } from "@/lib/http";
import { addMemberAsOperator, operatorDatabase } from "@/lib/operator";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/operator/members: `motif projects add-member` while `motif serve` owns the data dir (operator token only). */
export const POST = routeHandler(async (request) => {
  const database = await operatorDatabase(request);
  const body = await parseBody(request, operatorMemberSchema);
  return jsonResponse(await addMemberAsOperator({ database, request: body }));
});
