import { getDatabase } from "@/lib/db";
import { operatorDescribeSchema } from "@/lib/domain";
import { jsonResponse, parseBody, routeHandler } from "@/lib/http";
import { requestDescribeAsOperator } from "@/lib/jobs";
import { requireOperator } from "@/lib/operator";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/operator/describe: `motif describe` while `motif serve` owns the data dir; queues the job its worker runs. */
export const POST = routeHandler(async (request) => {
  requireOperator(request);
  const { project, limit } = await parseBody(request, operatorDescribeSchema);
  return jsonResponse(await requestDescribeAsOperator({ database: await getDatabase(), slug: project, limit }), { status: 202 });
});
