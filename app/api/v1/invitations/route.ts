import { asCaller, jsonResponse, routeHandler } from "@/lib/http";
import { listCallerInvitations } from "@/lib/projects";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/v1/invitations: the invitations addressed to the signed-in user's email. */
export const GET = routeHandler(async (request) => {
  const invitations = await asCaller(request, (transaction) => listCallerInvitations({ transaction }));
  return jsonResponse({ invitations });
});
