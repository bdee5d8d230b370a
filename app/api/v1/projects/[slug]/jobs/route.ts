import { asCaller, jsonResponse, parseBody, parseQuery, routeHandler } from "@/lib/http";
import { listJobsOfProject, requestReembed } from "@/lib/jobs";
import { patternEmbeddingProvider } from "@/lib/patterns";
import { resolveProject } from "@/lib/projects";
import { createJobSchema, listJobsQuerySchema } from "./schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { slug: string };

/**
 * GET /api/v1/projects/[slug]/jobs?status=&limit=: the project's background jobs (ingests,
 * re-embeddings), newest first, each with its progress, result or error. Admins, members and
 * viewers; others get a 404. A running ingest's progress is the live one of the process running it.
 */
export const GET = routeHandler<Params>(async (request, { params }) => {
  const { slug } = await params;
  const { status, limit } = parseQuery(request, listJobsQuerySchema);
  const body = await asCaller(request, async (transaction, claims) => {
    const project = await resolveProject({ transaction, claims, reference: slug });
    return { project: { id: project.id, slug: project.slug }, jobs: await listJobsOfProject({ transaction, project, statuses: status, limit }) };
  });
  return jsonResponse(body);
});

/**
 * POST /api/v1/projects/[slug]/jobs {job_type: "reembed"}: queues a re-embedding of the
 * patterns another model embedded, for the worker (`motif serve`, `motif worker`) to run.
 * 202 with the job (an already active one is returned, not duplicated); 200 with no job when
 * every pattern is embedded with the configured model. Admins and members; viewers get a 403.
 */
export const POST = routeHandler<Params>(async (request, { params }) => {
  const { slug } = await params;
  await parseBody(request, createJobSchema);
  const embedder = patternEmbeddingProvider();
  const outcome = await asCaller(request, async (transaction, claims) => {
    const project = await resolveProject({ transaction, claims, reference: slug });
    return requestReembed({ transaction, project, model: embedder.id });
  });
  return jsonResponse(outcome, { status: outcome.state === "queued" ? 202 : 200 });
});
