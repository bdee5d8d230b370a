import { operatorBudgetSchema } from "@/lib/domain";
import { jsonResponse, parseBody, routeHandler } from "@/lib/http";
import { budgetAsOperator } from "@/lib/llm";
import { operatorDatabase } from "@/lib/operator";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/operator/budget: `motif budget` while `motif serve` owns the data dir (operator token only). */
export const POST = routeHandler(async (request) => {
  const database = await operatorDatabase(request);
  const { project, ...update } = await parseBody(request, operatorBudgetSchema);
  return jsonResponse(await budgetAsOperator({ database, slug: project, update }));
});
