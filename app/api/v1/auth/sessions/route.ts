import { listOwnSessions } from "@/lib/auth";
import { jsonResponse, routeHandler } from "@/lib/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/v1/auth/sessions: the caller's live sessions (users only), `current` marking this one. */
export const GET = routeHandler(async (request) => {
  return jsonResponse({ sessions: await listOwnSessions(request) });
});
