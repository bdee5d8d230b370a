import { asCaller, jsonResponse, routeHandler } from "@/lib/http";
import { listProjectMembers, requireProject } from "@/lib/projects";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { slug: string };

/**
 * GET /api/v1/projects/[slug]/members: the members with their emails and roles. People join
 * by accepting an invitation (POST /api/v1/projects/[slug]/invitations), never added unasked.
 */
export const GET = routeHandler<Params>(async (request, { params }) => {
  const { slug } = await params;
  const members = await asCaller(request, async (transaction) => {
    const project = await requireProject({ transaction, slug });
    return listProjectMembers({ transaction, project });
  });
  return jsonResponse({ members });
});
