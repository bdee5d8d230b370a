import { asCaller, jsonResponse, parseWith, routeHandler } from "@/lib/http";
import { requireJobOfProject } from "@/lib/jobs";
import { resolveProject } from "@/lib/projects";
import { jobParamsSchema } from "../schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { slug: string; jobId: string };

/** GET /api/v1/projects/[slug]/jobs/[jobId]: one job with its progress (poll it while it runs). */
export const GET = routeHandler<Params>(async (request, { params }) => {
  const { slug, jobId: id } = parseWith(jobParamsSchema, await params);
  const job = await asCaller(request, async (transaction, claims) => {
    const project = await resolveProject({ transaction, claims, reference: slug });
    return requireJobOfProject({ transaction, project, jobId: id });
  });
  return jsonResponse({ job });
});
