import { operatorCostsSchema } from "@/lib/domain";
import { jsonResponse, parseBody, routeHandler } from "@/lib/http";
import { costsAsOperator } from "@/lib/llm";
import { operatorDatabase } from "@/lib/operator";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/operator/costs: `motif costs` while `motif serve` owns the data dir (operator token only). */
export const POST = routeHandler(async (request) => {
  const database = await operatorDatabase(request);
  const { project, days } = await parseBody(request, operatorCostsSchema);
  return jsonResponse(await costsAsOperator({ database, slug: project, days }));
});
