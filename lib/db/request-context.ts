import type { Database, Queryable } from "./database";

/** The JWT claims a request carries, as Supabase issues them. */
export interface JwtClaims {
  sub?: string;
  role: "anon" | "authenticated";
  email?: string;
  aud?: string;
  exp?: number;
  /** Set when the caller authenticated with a project API key instead of a user session. */
  api_key_id?: string;
  [claim: string]: unknown;
}

/** Claims of a caller that presented no credentials. */
export const anonymousClaims: JwtClaims = { role: "anon" };

/**
 * Runs `fn` in one transaction as the caller, exactly as Supabase's API layer does:
 * `set local role` to the claim's role, with `request.jwt.claims` set, so RLS decides (the
 * driver makes both settings as the transaction begins).
 */
export function withUser<T>(database: Database, claims: JwtClaims, fn: (transaction: Queryable) => Promise<T>) {
  const role = claims.role === "authenticated" ? "authenticated" : "anon";
  return database.transaction(fn, { role, "request.jwt.claims": JSON.stringify({ ...claims, role }) });
}

/** Runs `fn` in one transaction as `service_role`: trusted background work only. */
export function asService<T>(database: Database, fn: (transaction: Queryable) => Promise<T>) {
  return database.transaction(fn, { role: "service_role", "request.jwt.claims": JSON.stringify({ role: "service_role" }) });
}
