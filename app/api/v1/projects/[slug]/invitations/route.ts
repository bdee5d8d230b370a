import { asCaller, jsonResponse, parseBody, routeHandler } from "@/lib/http";
import { inviteProjectMember, listProjectInvitations, requireProject } from "@/lib/projects";
import { inviteMemberSchema } from "./schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { slug: string };

/** GET /api/v1/projects/[slug]/invitations: the pending invitations (admins; others see none). */
export const GET = routeHandler<Params>(async (request, { params }) => {
  const { slug } = await params;
  const invitations = await asCaller(request, async (transaction) =>
    listProjectInvitations({ transaction, project: await requireProject({ transaction, slug }) }),
  );
  return jsonResponse({ invitations });
});

/**
 * POST /api/v1/projects/[slug]/invitations: invites an address (admins). 202 whether or not an
 * account with that address exists: the invitee accepts it after signing in (or up).
 */
export const POST = routeHandler<Params>(async (request, { params }) => {
  const { slug } = await params;
  const { email, role } = await parseBody(request, inviteMemberSchema);
  const invitation = await asCaller(request, async (transaction) =>
    inviteProjectMember({ transaction, project: await requireProject({ transaction, slug }), email, role }),
  );
  return jsonResponse({ invitation }, { status: 202 });
});
