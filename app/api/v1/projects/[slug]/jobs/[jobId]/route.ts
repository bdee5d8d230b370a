import { getProjectJob } from "@/lib/db";
import { MotifError } from "@/lib/errors";
import { asCaller, jsonResponse, parseWith, routeHandler } from "@/lib/http";
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
    return getProjectJob({ transaction, projectId: project.id, jobId: id });
  });
  if (!job) throw new MotifError("not_found:resource", `job ${id} not found in project "${slug}"`);
  return jsonResponse({ job });
});
