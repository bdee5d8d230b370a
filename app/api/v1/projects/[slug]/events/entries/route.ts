import { asCaller, jsonResponse, parseQuery, routeHandler } from "@/lib/http";
import { resolveProject } from "@/lib/projects";
import { listFeedEntries } from "@/lib/realtime";
import { listEntriesQuerySchema } from "./schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * GET /api/v1/projects/[slug]/events/entries: the feed as a person reads it, newest first, one
 * entry per ingest (`ingest=<job id>` lists what it did to each pattern); `next` pages on.
 * Members and viewers only: others get a 404.
 */
export const GET = routeHandler<{ slug: string }>(async (request, { params }) => {
  const { slug } = await params;
  const query = parseQuery(request, listEntriesQuerySchema);
  const page = await asCaller(request, async (transaction, claims) => {
    const project = await resolveProject({ transaction, claims, reference: slug });
    return listFeedEntries({ transaction, projectId: project.id, ...query });
  });
  return jsonResponse(page);
});
