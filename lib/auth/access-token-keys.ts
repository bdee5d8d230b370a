import { createRemoteJWKSet, type JWTVerifyGetKey } from "jose";
import { getEnvironment } from "@/lib/env";
import { MotifError } from "@/lib/errors";
import { getLocalJwtSecret } from "./jwt-secret";

/**
 * What verifies a session JWT: the asymmetric keys a Supabase project publishes (ES256/RS256,
 * which Supabase Auth signs with today) and/or a shared HS256 secret (the embedded mode's own,
 * or Supabase's legacy JWT secret).
 */
export interface AccessTokenKeys {
  secret?: Uint8Array;
  jwks?: JWTVerifyGetKey;
}

const jwksByUrl = new Map<string, JWTVerifyGetKey>();

/**
 * The key set a Supabase project publishes at `<SUPABASE_URL>/auth/v1/.well-known/jwks.json`,
 * one per process and URL. jose keeps the fetched keys for 10 minutes and fetches again at once
 * for a token whose `kid` it has not seen (a rotated key), at most every 30 seconds.
 */
export function supabaseJwks(supabaseUrl: string): JWTVerifyGetKey {
  const url = new URL("auth/v1/.well-known/jwks.json", supabaseUrl.endsWith("/") ? supabaseUrl : `${supabaseUrl}/`).href;
  let jwks = jwksByUrl.get(url);
  if (!jwks) {
    jwks = createRemoteJWKSet(new URL(url), { cacheMaxAge: 10 * 60_000, cooldownDuration: 30_000, timeoutDuration: 5_000 });
    jwksByUrl.set(url, jwks);
  }
  return jwks;
}

/**
 * The keys of the configured mode: embedded, the data dir's secret; Supabase, the project's
 * published keys (SUPABASE_URL) and the legacy secret (SUPABASE_JWT_SECRET) where set.
 */
export function getAccessTokenKeys(): AccessTokenKeys {
  const environment = getEnvironment();
  if (environment.mode === "embedded") return { secret: getLocalJwtSecret(environment.dataDir) };
  const keys: AccessTokenKeys = {
    secret: environment.SUPABASE_JWT_SECRET ? new TextEncoder().encode(environment.SUPABASE_JWT_SECRET) : undefined,
    jwks: environment.SUPABASE_URL ? supabaseJwks(environment.SUPABASE_URL) : undefined,
  };
  if (!keys.secret && !keys.jwks) {
    throw new MotifError("internal:config", "set SUPABASE_URL (its published signing keys) or SUPABASE_JWT_SECRET when DATABASE_URL is set");
  }
  return keys;
}
