import { revokeOwnSession } from "@/lib/auth";
import { jsonResponse, parseWith, routeHandler } from "@/lib/http";
import { authSessionParamsSchema } from "./schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { sessionId: string };

/** DELETE /api/v1/auth/sessions/[sessionId]: ends one of the caller's sessions; its token stops working at once. */
export const DELETE = routeHandler<Params>(async (request, { params }) => {
  const { sessionId } = parseWith(authSessionParamsSchema, await params);
  await revokeOwnSession(request, sessionId);
  return jsonResponse({ revoked: true });
});
