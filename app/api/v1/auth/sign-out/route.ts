import { signOut } from "@/lib/auth";
import { jsonResponse, routeHandler } from "@/lib/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/v1/auth/sign-out: clears the session cookie. */
export const POST = routeHandler(async (request) => {
  const setCookies = await signOut(request);
  return jsonResponse({ signed_out: true }, { setCookies });
});
