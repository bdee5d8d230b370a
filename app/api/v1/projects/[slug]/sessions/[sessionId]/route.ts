import { getSessionById } from "@/lib/db";
import { sessionParamsSchema } from "@/lib/domain";
import { MotifError } from "@/lib/errors";
import { asCaller, jsonResponse, parseWith, routeHandler } from "@/lib/http";
import { resolveProject } from "@/lib/patterns";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { slug: string; sessionId: string };

/** GET /api/v1/projects/[slug]/sessions/[sessionId]: one session with its report and Markdown. */
export const GET = routeHandler<Params>(async (request, { params }) => {
  const { slug, sessionId } = parseWith(sessionParamsSchema, await params);
  const session = await asCaller(request, async (transaction, claims) => {
    const project = await resolveProject({ transaction, claims, reference: slug });
    return getSessionById({ transaction, projectId: project.id, sessionId });
  });
  if (!session) throw new MotifError("not_found:resource", `session ${sessionId} not found`);
  return jsonResponse({ session });
});
