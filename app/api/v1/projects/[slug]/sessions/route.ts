import { listSessionsQuerySchema, maxSessionChars, sessionAnalyzeRequestSchema } from "@/lib/domain";
import { asCaller, jsonResponse, parseQuery, parseWith, readLimitedJson, routeHandler } from "@/lib/http";
import { patternEmbeddingProvider } from "@/lib/patterns";
import { requireWriter, resolveProject } from "@/lib/projects";
import { analyzeSessionIn, listProjectSessions } from "@/lib/sessions";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { slug: string };

/** GET /api/v1/projects/[slug]/sessions?limit=: the project's analysed sessions, newest first (reports without their Markdown). */
export const GET = routeHandler<Params>(async (request, { params }) => {
  const { slug } = await params;
  const { limit } = parseQuery(request, listSessionsQuerySchema);
  const sessions = await asCaller(request, async (transaction, claims) => {
    const project = await resolveProject({ transaction, claims, reference: slug });
    return listProjectSessions({ transaction, project, limit });
  });
  return jsonResponse({ sessions });
});

/**
 * POST /api/v1/projects/[slug]/sessions {transcript | diff + prompt, title?, source?, compare_session_id?}:
 * analyses a coding session and stores it with its report (201). The judgement is a model's when
 * one is configured; the report says why not otherwise. Admins and members; viewers get a 403.
 */
export const POST = routeHandler<Params>(async (request, { params }) => {
  const { slug } = await params;
  const body = parseWith(sessionAnalyzeRequestSchema, await readLimitedJson(request, maxSessionChars * 2, "session"));
  const project = await asCaller(request, async (transaction, claims) => {
    const found = await resolveProject({ transaction, claims, reference: slug });
    requireWriter(found.role, "analyse sessions");
    return found;
  });
  const analysed = await analyzeSessionIn({
    runAs: (work) => asCaller(request, (transaction) => work(transaction)), project, request: body, embedder: patternEmbeddingProvider(),
  });
  return jsonResponse(analysed, { status: 201 });
});
