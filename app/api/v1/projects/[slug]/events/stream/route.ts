import { MotifError } from "@/lib/errors";
import { asCaller, parseQuery, parseWith, routeHandler } from "@/lib/http";
import { resolveProject } from "@/lib/projects";
import { openProjectEventStream, sseHeaders, takeStreamSlot } from "@/lib/realtime";
import { lastEventIdSchema, streamEventsQuerySchema } from "../schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { slug: string };

/** Where the stream resumes: the browser's `Last-Event-ID` (newest) wins over `?after=`. */
function resumeAfter(request: Request): number | undefined {
  const { after } = parseQuery(request, streamEventsQuerySchema);
  const header = request.headers.get("last-event-id");
  if (header === null || header.trim() === "") return after;
  if (!/^\d+$/.test(header.trim())) throw new MotifError("bad_request:input", "Last-Event-ID: must be an event id");
  return parseWith(lastEventIdSchema, header.trim());
}

/**
 * GET /api/v1/projects/[slug]/events/stream: the project's events as Server-Sent Events.
 * Membership is checked under RLS first (401 anonymous, 404 outsiders, and no stream); then
 * the rows after `Last-Event-ID` / `?after=` are replayed and live ones follow. A caller holds
 * at most `maxStreamsPerCaller` streams at once (429 past that).
 */
export const GET = routeHandler<Params>(async (request, { params }) => {
  const { slug } = await params;
  const afterId = resumeAfter(request);
  const { project, claims } = await asCaller(request, async (transaction, claims) => ({
    project: await resolveProject({ transaction, claims, reference: slug }),
    claims,
  }));
  const release = takeStreamSlot(claims.api_key_id ?? claims.sub ?? "unknown");
  const stream = await openProjectEventStream({ claims, projectId: project.id, afterId, signal: request.signal, request, onEnd: release });
  return new Response(stream, { status: 200, headers: sseHeaders });
});
