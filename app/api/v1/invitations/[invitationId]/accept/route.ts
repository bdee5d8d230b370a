import { asCaller, jsonResponse, parseWith, routeHandler } from "@/lib/http";
import { acceptInvitation } from "@/lib/projects";
import { invitationParamsSchema } from "../schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { invitationId: string };

/** POST /api/v1/invitations/[invitationId]/accept: the caller joins the project with the invited role. */
export const POST = routeHandler<Params>(async (request, { params }) => {
  const { invitationId } = parseWith(invitationParamsSchema, await params);
  const member = await asCaller(request, (transaction) => acceptInvitation({ transaction, invitationId }));
  return jsonResponse({ member });
});
