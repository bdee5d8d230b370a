import { decodeProtectedHeader, errors, jwtVerify, SignJWT } from "jose";
import type { JwtClaims } from "@/lib/db";
import { MotifError } from "@/lib/errors";
import type { AccessTokenKeys } from "./access-token-keys";

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

/** The algorithms Supabase Auth signs with: asymmetric keys today, the HS256 secret before. */
const asymmetricAlgorithms = ["ES256", "RS256"];

function algorithmOf(token: string): string | undefined {
  try {
    return decodeProtectedHeader(token).alg;
  } catch {
    return undefined; // jwtVerify below says the token is invalid
  }
}

/**
 * Verifies an access token (ours, or one Supabase issued) and returns its claims: HS256 with
 * the shared secret, ES256/RS256 with the published keys (`keys.jwks`). A token signed by any
 * other key, for another audience, expired or forged is a 401 saying which.
 */
export async function verifyAccessToken(token: string, keys: AccessTokenKeys | Uint8Array): Promise<JwtClaims> {
  const { secret, jwks } = keys instanceof Uint8Array ? { secret: keys, jwks: undefined } : keys;
  try {
    const asymmetric = asymmetricAlgorithms.includes(algorithmOf(token) ?? "");
    const options = { audience: "authenticated" };
    const verified = asymmetric && jwks
      ? await jwtVerify(token, jwks, { ...options, algorithms: asymmetricAlgorithms })
      : secret
        ? await jwtVerify(token, secret, { ...options, algorithms: ["HS256"] })
        : undefined;
    if (!verified) throw new MotifError("unauthorized:auth", "the access token is signed in a way this server does not accept");
    const { payload } = verified;
    if (payload.role !== "authenticated" || typeof payload.sub !== "string") {
      throw new MotifError("unauthorized:auth", "the access token is not a signed-in user's token");
    }
    return payload as JwtClaims;
  } catch (error) {
    if (error instanceof MotifError) throw error;
    if (error instanceof errors.JWTExpired) {
      throw new MotifError("unauthorized:auth", "your session has expired; sign in again");
    }
    // The key set could not be fetched (unreachable, slow, not a 200): not the token's fault.
    if (error instanceof errors.JWKSTimeout || error instanceof TypeError || (error instanceof errors.JOSEError && error.code === "ERR_JOSE_GENERIC")) {
      throw new MotifError("unavailable:auth", "the project's signing keys cannot be fetched", undefined, { cause: error });
    }
    if (error instanceof errors.JOSEError) {
      throw new MotifError("unauthorized:auth", "the access token is invalid", undefined, { cause: error });
    }
    throw error;
  }
}
