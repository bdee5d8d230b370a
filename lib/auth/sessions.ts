import { getDatabase, type JwtClaims } from "@/lib/db";
import { getEnvironment } from "@/lib/env";
import { MotifError } from "@/lib/errors";
import { signAccessToken, verifyAccessToken, type SessionUser } from "./access-token";
import { getAccessTokenKeys } from "./access-token-keys";
import { getJwtSecret } from "./jwt-secret";
import { invalidCredentialsMessage, signInLocalUser, signUpLocalUser } from "./local-accounts";
import { clearedSessionCookieHeader, sessionCookieHeader } from "./session-cookie";
import { requireCaller } from "./resolve-caller";
import { createSupabaseRequestClient } from "./supabase-session";

/** A started session: who, the access token (also usable as a Bearer token), and its cookies. */
export interface StartedSession {
  user: SessionUser;
  /** Absent when Supabase requires the email to be confirmed before a session starts. */
  accessToken?: string;
  expiresAt?: number;
  /** `Set-Cookie` values the response must carry. */
  setCookies: string[];
}

/** What a sign-up or sign-in asks for. */
export interface Credentials {
  request: Request;
  email: string;
  password: string;
}

async function startLocalSession(request: Request, user: SessionUser): Promise<StartedSession> {
  const ttlSeconds = getEnvironment().MOTIF_SESSION_TTL_SECONDS;
  const { accessToken, expiresAt } = await signAccessToken({ user, secret: getJwtSecret(), ttlSeconds });
  return { user, accessToken, expiresAt, setCookies: [sessionCookieHeader(request, accessToken, ttlSeconds)] };
}

async function startSupabaseSession({ request, email, password }: Credentials, kind: "sign-up" | "sign-in") {
  const { client, setCookies } = await createSupabaseRequestClient(request);
  const { data, error } =
    kind === "sign-up"
      ? await client.auth.signUp({ email, password })
      : await client.auth.signInWithPassword({ email, password });
  if (error || !data.user) {
    if (kind === "sign-in") throw new MotifError("unauthorized:auth", invalidCredentialsMessage);
    const taken = error?.code === "user_already_exists" || error?.code === "email_exists";
    throw new MotifError(taken ? "conflict:resource" : "bad_request:input", error?.message ?? "sign-up failed");
  }
  return {
    user: { id: data.user.id, email: data.user.email ?? email },
    accessToken: data.session?.access_token,
    expiresAt: data.session?.expires_at,
    setCookies,
  } satisfies StartedSession;
}

/** Creates an account and signs it in: a local account (embedded) or through Supabase Auth. */
export async function signUp(credentials: Credentials): Promise<StartedSession> {
  if (getEnvironment().mode === "supabase") return startSupabaseSession(credentials, "sign-up");
  const user = await signUpLocalUser({ database: await getDatabase(), ...credentials });
  return startLocalSession(credentials.request, user);
}

/** Signs an account in; a wrong password and an unknown email are the same 401. */
export async function signIn(credentials: Credentials): Promise<StartedSession> {
  if (getEnvironment().mode === "supabase") return startSupabaseSession(credentials, "sign-in");
  const user = await signInLocalUser({ database: await getDatabase(), ...credentials });
  return startLocalSession(credentials.request, user);
}

/** Ends the session: clears the cookie (and, with Supabase, revokes the refresh token). */
export async function signOut(request: Request): Promise<string[]> {
  if (getEnvironment().mode === "embedded") return [clearedSessionCookieHeader(request)];
  const { client, setCookies } = await createSupabaseRequestClient(request);
  await client.auth.signOut();
  return setCookies;
}

/**
 * The caller of GET /auth/session. In Supabase mode this is also where the session cookie is
 * refreshed (a refresh rotates the refresh token, so only a response that sets cookies may).
 */
export async function currentSession(request: Request): Promise<{ claims: JwtClaims; setCookies: string[] }> {
  if (getEnvironment().mode === "embedded" || request.headers.has("authorization")) {
    return { claims: await requireCaller(request), setCookies: [] };
  }
  const { client, setCookies } = await createSupabaseRequestClient(request);
  const { data } = await client.auth.getSession();
  if (!data.session) return { claims: await requireCaller(request), setCookies };
  return { claims: await verifyAccessToken(data.session.access_token, getAccessTokenKeys()), setCookies };
}
