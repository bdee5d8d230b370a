import { operatorDescribeSchema } from "@/lib/domain";
import { jsonResponse, parseBody, routeHandler } from "@/lib/http";
import { requestDescribeAsOperator } from "@/lib/jobs";
import { operatorDatabase } from "@/lib/operator";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/operator/describe: `motif describe` while `motif serve` owns the data dir; queues the job its worker runs. */
export const POST = routeHandler(async (request) => {
  const database = await operatorDatabase(request);
  const { project: slug, limit } = await parseBody(request, operatorDescribeSchema);
  const queued = await requestDescribeAsOperator({ database, slug, limit });
  return jsonResponse(queued, { status: 202 });
});
