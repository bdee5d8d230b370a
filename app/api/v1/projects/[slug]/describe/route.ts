import { describeRequestSchema } from "@/lib/domain";
import { asCaller, jsonResponse, parseBody, routeHandler } from "@/lib/http";
import { requestDescribe } from "@/lib/jobs";
import { resolveProject } from "@/lib/projects";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { slug: string };

/**
 * POST /api/v1/projects/[slug]/describe {limit}: queues a `describe` job (a model names and
 * describes the patterns not yet described) for the worker. 202 with the job (an active one is
 * returned, not duplicated); 409 when no LLM provider is configured. Admins and members.
 */
export const POST = routeHandler<Params>(async (request, { params }) => {
  const { slug } = await params;
  const { limit } = await parseBody(request, describeRequestSchema);
  const queued = await asCaller(request, async (transaction, claims) => {
    const project = await resolveProject({ transaction, claims, reference: slug });
    return requestDescribe({ transaction, project, limit });
  });
  return jsonResponse(queued, { status: 202 });
});
