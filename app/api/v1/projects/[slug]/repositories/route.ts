import { asCaller, jsonResponse, routeHandler } from "@/lib/http";
import { listRepositoriesOfProject } from "@/lib/patterns";
import { requireProject } from "@/lib/projects";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/v1/projects/[slug]/repositories: the repositories ingested into the project, with their pattern counts. */
export const GET = routeHandler<{ slug: string }>(async (request, { params }) => {
  const { slug } = await params;
  const repositories = await asCaller(request, async (transaction) => {
    const project = await requireProject({ transaction, slug });
    return listRepositoriesOfProject({ transaction, project });
  });
  return jsonResponse({ repositories });
});
