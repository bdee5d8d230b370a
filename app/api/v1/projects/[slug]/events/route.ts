import { asCaller, jsonResponse, parseQuery, routeHandler } from "@/lib/http";
import { resolveProject } from "@/lib/projects";
import { listFeedEvents } from "@/lib/realtime";
import { listEventsQuerySchema } from "./schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { slug: string };

/**
 * GET /api/v1/projects/[slug]/events?after=&limit=: the project's feed as JSON, oldest first
 * (the newest `limit` without `after`). Members and viewers only: others get a 404.
 */
export const GET = routeHandler<Params>(async (request, { params }) => {
  const { slug } = await params;
  const { after, limit } = parseQuery(request, listEventsQuerySchema);
  const body = await asCaller(request, async (transaction, claims) => {
    const project = await resolveProject({ transaction, claims, reference: slug });
    const page = await listFeedEvents({ transaction, projectId: project.id, after, limit });
    return {
      project: { id: project.id, slug: project.slug },
      events: page.events,
      last_event_id: page.lastEventId,
      has_more: page.hasMore,
    };
  });
  return jsonResponse(body);
});
