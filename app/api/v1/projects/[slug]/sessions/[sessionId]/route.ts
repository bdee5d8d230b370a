import { sessionParamsSchema } from "@/lib/domain";
import { asCaller, jsonResponse, parseWith, routeHandler } from "@/lib/http";
import { resolveProject } from "@/lib/projects";
import { requireProjectSession } from "@/lib/sessions";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { slug: string; sessionId: string };

/** GET /api/v1/projects/[slug]/sessions/[sessionId]: one session with its report and Markdown. */
export const GET = routeHandler<Params>(async (request, { params }) => {
  const { slug, sessionId } = parseWith(sessionParamsSchema, await params);
  const session = await asCaller(request, async (transaction, claims) => {
    const project = await resolveProject({ transaction, claims, reference: slug });
    return requireProjectSession({ transaction, project, sessionId });
  });
  return jsonResponse({ session });
});
