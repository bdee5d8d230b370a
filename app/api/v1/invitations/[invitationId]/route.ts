import { asCaller, jsonResponse, parseWith, routeHandler } from "@/lib/http";
import { declineInvitation } from "@/lib/projects";
import { invitationParamsSchema } from "./schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { invitationId: string };

/** DELETE /api/v1/invitations/[invitationId]: declines an invitation addressed to the caller. */
export const DELETE = routeHandler<Params>(async (request, { params }) => {
  const { invitationId } = parseWith(invitationParamsSchema, await params);
  await asCaller(request, (transaction) => declineInvitation({ transaction, invitationId }));
  return jsonResponse({ declined: true });
});
