import { asCaller, routeHandler } from "@/lib/http";
import { resolveProject } from "@/lib/projects";
import { openJobProgressStream, sseHeaders, takeStreamSlot } from "@/lib/realtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { slug: string };

/**
 * GET /api/v1/projects/[slug]/jobs/stream: the project's running jobs and their progress as
 * Server-Sent Events, from the process doing the work (no database read while it writes).
 * Membership is checked under RLS first (401 anonymous, 404 outsiders, and no stream); each
 * job is named only after its row was read under the caller's RLS. Messages are
 * `JobStreamMessage`s: `job`, `progress`, `finished`.
 */
export const GET = routeHandler<Params>(async (request, { params }) => {
  const { slug } = await params;
  const { project, claims } = await asCaller(request, async (transaction, claims) => ({
    project: await resolveProject({ transaction, claims, reference: slug }),
    claims,
  }));
  const release = takeStreamSlot(claims.api_key_id ?? claims.sub ?? "unknown");
  const stream = await openJobProgressStream({ claims, projectId: project.id, signal: request.signal, request, onEnd: release });
  return new Response(stream, { status: 200, headers: sseHeaders });
});
