import { anonymousClaims, asService, getDatabase, markApiKeyUsedByHash, type Database, type JwtClaims } from "@/lib/db";
import { getEnvironment } from "@/lib/env";
import { MotifError } from "@/lib/errors";
import { verifyAccessToken } from "./access-token";
import { apiKeyPrefix, hashApiKey, isWellFormedApiKey } from "./api-key";
import { getAccessTokenKeys } from "./access-token-keys";
import { readSessionCookie } from "./session-cookie";
import { assertSessionActive } from "./session-registry";
import { readSupabaseAccessToken } from "./supabase-session";
import { recallVerifiedApiKey, refusedApiKeys, rememberVerifiedApiKey } from "./verified-api-keys";

/**
 * Claims of a project API key: RLS confines such a caller to the key's project and role. A key
 * verified recently is not looked up again (see verified-api-keys.ts for the revocation window).
 */
async function resolveApiKey(key: string): Promise<JwtClaims> {
  // A key this server could not have made is refused without touching the database.
  if (!isWellFormedApiKey(key)) throw new MotifError("unauthorized:auth", "the API key is invalid or has been revoked");
  const keyHash = hashApiKey(key);
  const known = recallVerifiedApiKey(keyHash);
  if (known) return known;
  if (refusedApiKeys.recall(keyHash)) throw new MotifError("unauthorized:auth", "the API key is invalid or has been revoked");
  const claims = await claimsForApiKey(await getDatabase(), key);
  rememberVerifiedApiKey(keyHash, claims);
  return claims;
}

/**
 * The claims a project API key acts with (its project and role; RLS does the rest), looked up
 * in `database` and marked used; a 401 when no such key exists or it was revoked.
 */
export async function claimsForApiKey(database: Database, key: string): Promise<JwtClaims> {
  if (!isWellFormedApiKey(key)) throw new MotifError("unauthorized:auth", "the API key is invalid or has been revoked");
  const keyHash = hashApiKey(key);
  const apiKey = await asService(database, (transaction) => markApiKeyUsedByHash({ transaction, keyHash }));
  if (!apiKey) refusedApiKeys.remember(keyHash);
  if (!apiKey) throw new MotifError("unauthorized:auth", "the API key is invalid or has been revoked");
  return {
    role: "authenticated",
    sub: apiKey.id,
    api_key_id: apiKey.id,
    api_key_role: apiKey.role,
    project_id: apiKey.project_id,
  };
}

function readBearer(request: Request): string | undefined {
  const header = request.headers.get("authorization");
  if (header === null) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new MotifError("unauthorized:auth", "the Authorization header must be 'Bearer <token or API key>'");
  return match[1];
}

/** The session token a request carries in its cookie, for the configured mode. */
async function readSessionToken(request: Request): Promise<string | undefined> {
  return getEnvironment().mode === "embedded" ? readSessionCookie(request) : readSupabaseAccessToken(request);
}

/**
 * Who is calling: a Bearer API key (`motif_…`), a Bearer JWT, the session cookie, or nobody
 * (anonymous claims). A credential that is presented but wrong, expired or revoked is a 401,
 * never a silent fall-back to anonymous.
 */
export async function resolveCaller(request: Request): Promise<JwtClaims> {
  const bearer = readBearer(request);
  if (bearer?.startsWith(apiKeyPrefix)) return resolveApiKey(bearer);
  const token = bearer ?? (await readSessionToken(request));
  if (!token) return anonymousClaims;
  return verifySessionToken(token);
}

/** Verifies a user's access token and that its session is still live (not signed out or revoked). */
export async function verifySessionToken(token: string): Promise<JwtClaims> {
  const claims = await verifyAccessToken(token, getAccessTokenKeys());
  await assertSessionActive(claims);
  return claims;
}

/** Like `resolveCaller`, but anonymous callers get a 401 asking them to sign in. */
export async function requireCaller(request: Request): Promise<JwtClaims> {
  const claims = await resolveCaller(request);
  if (claims.role !== "authenticated") throw new MotifError("unauthorized:auth", "sign in or present an API key");
  return claims;
}

/**
 * The signed-in user behind a page request's headers, or undefined (no session, or one that
 * expired: pages then send the visitor to sign in rather than failing). API keys do not count.
 */
export async function getPageUser(headers: Headers): Promise<{ id: string; email: string } | undefined> {
  const claims = await getPageClaims(headers);
  return claims ? { id: claims.sub!, email: claims.email ?? "" } : undefined;
}

/** The signed-in user's claims behind a page request's headers (for RLS on a server page), or undefined. */
export async function getPageClaims(headers: Headers): Promise<JwtClaims | undefined> {
  const request = new Request("http://page.invalid/", { headers });
  try {
    const claims = await resolveCaller(request);
    if (claims.role !== "authenticated" || claims.api_key_id || !claims.sub) return undefined;
    return claims;
  } catch (error) {
    if (error instanceof MotifError && error.code === "unauthorized:auth") return undefined;
    throw error;
  }
}
