import { asCaller, jsonResponse, parseWith, routeHandler } from "@/lib/http";
import { requireProject, withdrawInvitation } from "@/lib/projects";
import { projectInvitationParamsSchema } from "./schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { slug: string; invitationId: string };

/** DELETE /api/v1/projects/[slug]/invitations/[invitationId]: withdraws a pending invitation (admins). */
export const DELETE = routeHandler<Params>(async (request, { params }) => {
  const { slug, invitationId } = parseWith(projectInvitationParamsSchema, await params);
  await asCaller(request, async (transaction) =>
    withdrawInvitation({ transaction, project: await requireProject({ transaction, slug }), invitationId }),
  );
  return jsonResponse({ withdrawn: true });
});
