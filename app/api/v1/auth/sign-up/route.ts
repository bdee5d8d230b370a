import { signUp } from "@/lib/auth";
import { anonymousBodyBytes } from "@/lib/domain";
import { jsonResponse, parseBody, routeHandler } from "@/lib/http";
import { signUpSchema } from "./schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/v1/auth/sign-up: creates an account and signs it in (201); a taken email is 409. */
export const POST = routeHandler(async (request) => {
  const { email, password } = await parseBody(request, signUpSchema, { maxBytes: anonymousBodyBytes });
  const session = await signUp({ request, email, password });
  return jsonResponse(
    { user: session.user, access_token: session.accessToken ?? null, expires_at: session.expiresAt ?? null },
    { status: 201, setCookies: session.setCookies },
  );
});
