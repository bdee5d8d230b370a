import { currentSession } from "@/lib/auth";
import { jsonResponse, routeHandler } from "@/lib/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/v1/auth/session: who is calling (a user or an API key); 401 when nobody. */
export const GET = routeHandler(async (request) => {
  const { claims, setCookies } = await currentSession(request);
  if (claims.api_key_id) {
    const apiKey = { id: claims.api_key_id, role: claims.api_key_role, project_id: claims.project_id };
    return jsonResponse({ user: null, api_key: apiKey });
  }
  return jsonResponse({ user: { id: claims.sub, email: claims.email ?? null }, expires_at: claims.exp ?? null }, { setCookies });
});
