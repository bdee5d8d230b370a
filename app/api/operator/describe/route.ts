import { asService, enqueueJob, getDatabase, getOperatorProjectBySlug } from "@/lib/db";
import { operatorDescribeSchema } from "@/lib/domain";
import { MotifError } from "@/lib/errors";
import { jsonResponse, parseBody, routeHandler } from "@/lib/http";
import { noLlmProviderMessage, readLlmConfig } from "@/lib/llm";
import { requireOperator } from "@/lib/operator";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/operator/describe: `motif describe` while `motif serve` owns the data dir; queues the job its worker runs. */
export const POST = routeHandler(async (request) => {
  requireOperator(request);
  const { project: slug, limit } = await parseBody(request, operatorDescribeSchema);
  if (readLlmConfig().providers.length === 0) throw new MotifError("unavailable:llm", `motif describe: ${noLlmProviderMessage}`);
  const queued = await asService(await getDatabase(), async (transaction) => {
    const project = await getOperatorProjectBySlug({ transaction, slug });
    if (!project) throw new MotifError("not_found:resource", `no project "${slug}"`);
    return enqueueJob({ transaction, projectId: project.id, jobType: "describe", payload: { limit } });
  });
  return jsonResponse(queued, { status: 202 });
});
