import { errors, jwtVerify, SignJWT } from "jose";
import type { JwtClaims } from "@/lib/db";
import { MotifError } from "@/lib/errors";

/** A signed-in account, as the API shows it. */
export interface SessionUser {
  id: string;
  email: string;
}

/** A freshly issued access token and when it stops working (seconds since the epoch). */
export interface IssuedToken {
  accessToken: string;
  expiresAt: number;
}

/**
 * Signs an access token with the claims Supabase Auth issues (`sub`, `role`, `email`, `aud`,
 * `iat`, `exp`), so that RLS policies read the same claims in both modes.
 */
export async function signAccessToken({
  user,
  sessionId,
  secret,
  expiresAt,
  now = Math.floor(Date.now() / 1000),
}: {
  user: SessionUser;
  /** The token's row in auth.sessions (GoTrue's `session_id` claim): revoking it ends the token. */
  sessionId: string;
  secret: Uint8Array;
  expiresAt: number;
  now?: number;
}): Promise<IssuedToken> {
  const accessToken = await new SignJWT({ email: user.email, role: "authenticated", session_id: sessionId })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(user.id)
    .setAudience("authenticated")
    .setIssuedAt(now)
    .setExpirationTime(expiresAt)
    .sign(secret);
  return { accessToken, expiresAt };
}

/**
 * Verifies an access token (ours, or one Supabase issued) and returns its claims. An expired
 * or forged token is a 401 with a message saying which.
 */
export async function verifyAccessToken(token: string, secret: Uint8Array): Promise<JwtClaims> {
  try {
    const { payload } = await jwtVerify(token, secret, { algorithms: ["HS256"], audience: "authenticated" });
    if (payload.role !== "authenticated" || typeof payload.sub !== "string") {
      throw new MotifError("unauthorized:auth", "the access token is not a signed-in user's token");
    }
    return payload as JwtClaims;
  } catch (error) {
    if (error instanceof MotifError) throw error;
    if (error instanceof errors.JWTExpired) {
      throw new MotifError("unauthorized:auth", "your session has expired; sign in again");
    }
    if (error instanceof errors.JOSEError) {
      throw new MotifError("unauthorized:auth", "the access token is invalid");
    }
    throw error;
  }
}
