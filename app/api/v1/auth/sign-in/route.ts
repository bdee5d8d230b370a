import { signIn } from "@/lib/auth";
import { anonymousBodyBytes } from "@/lib/domain";
import { jsonResponse, parseBody, routeHandler } from "@/lib/http";
import { signInSchema } from "./schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/v1/auth/sign-in: starts a session (cookie, and the token for API clients). */
export const POST = routeHandler(async (request) => {
  const { email, password } = await parseBody(request, signInSchema, { maxBytes: anonymousBodyBytes });
  const session = await signIn({ request, email, password });
  return jsonResponse(
    { user: session.user, access_token: session.accessToken ?? null, expires_at: session.expiresAt ?? null },
    { setCookies: session.setCookies },
  );
});
