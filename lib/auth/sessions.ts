import { asService, createLocalSession, endSessionById, getDatabase, type JwtClaims } from "@/lib/db";
import { getEnvironment } from "@/lib/env";
import { MotifError } from "@/lib/errors";
import { signAccessToken, verifyAccessToken, type SessionUser } from "./access-token";
import { clientAddressOf } from "./client-address";
import { getAccessTokenKeys } from "./access-token-keys";
import { getJwtSecret } from "./jwt-secret";
import { invalidCredentialsMessage, signInLocalUser, signUpLocalUser } from "./local-accounts";
import { assertPasswordAcceptable } from "./password-policy";
import { clearedSessionCookieHeader, readSessionCookie, sessionCookieHeader } from "./session-cookie";
import { requireCaller, verifySessionToken } from "./resolve-caller";
import { forgetSession } from "./session-registry";
import { forgiveSignInAttempt, takeSignInAttempt, takeSignUpAttempt } from "./sign-in-limits";
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

/** Records the session in auth.sessions and signs a token naming it (embedded mode). */
async function startLocalSession(request: Request, user: SessionUser): Promise<StartedSession> {
  const ttlSeconds = getEnvironment().MOTIF_SESSION_TTL_SECONDS;
  const expiresAt = Math.floor(Date.now() / 1000) + ttlSeconds;
  const sessionId = await asService(await getDatabase(), (transaction) =>
    createLocalSession({
      transaction,
      userId: user.id,
      expiresAt,
      userAgent: request.headers.get("user-agent") ?? undefined,
      address: clientAddressOf(request),
    }),
  );
  const { accessToken } = await signAccessToken({ user, sessionId, secret: getJwtSecret(), expiresAt });
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

/**
 * Creates an account and signs it in: a local account (embedded) or through Supabase Auth. The
 * password policy and the address's sign-up budget are checked before anything is hashed.
 */
export async function signUp(credentials: Credentials): Promise<StartedSession> {
  assertPasswordAcceptable(credentials.password, credentials.email);
  await takeSignUpAttempt(clientAddressOf(credentials.request));
  if (getEnvironment().mode === "supabase") return startSupabaseSession(credentials, "sign-up");
  const user = await signUpLocalUser({ database: await getDatabase(), ...credentials });
  return startLocalSession(credentials.request, user);
}

/**
 * Signs an account in; a wrong password and an unknown email are the same 401. Each attempt
 * is taken from the account's and the address's budgets first (429 once spent, even for the
 * right password); a correct password gives the attempt back.
 */
export async function signIn(credentials: Credentials): Promise<StartedSession> {
  const attempt = { email: credentials.email, address: clientAddressOf(credentials.request) };
  await takeSignInAttempt(attempt);
  const session = getEnvironment().mode === "supabase"
    ? await startSupabaseSession(credentials, "sign-in")
    : await startLocalSession(credentials.request, await signInLocalUser({ database: await getDatabase(), ...credentials }));
  await forgiveSignInAttempt(attempt);
  return session;
}

/** The session a request's own token names (cookie or Bearer), when it is a valid user token. */
async function sessionIdOf(request: Request): Promise<string | undefined> {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "")?.[1];
  const token = bearer ?? readSessionCookie(request);
  if (!token) return undefined;
  try {
    const claims = await verifyAccessToken(token, getAccessTokenKeys());
    return typeof claims.session_id === "string" ? claims.session_id : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Ends the session: its row in auth.sessions is deleted (so its token is refused from the next
 * request on, as cookie and as Bearer) and the cookie cleared. With Supabase, GoTrue's sign-out
 * deletes the session and revokes its refresh token.
 */
export async function signOut(request: Request): Promise<string[]> {
  if (getEnvironment().mode === "embedded") {
    const sessionId = await sessionIdOf(request);
    if (sessionId) {
      await asService(await getDatabase(), (transaction) => endSessionById({ transaction, sessionId }));
      forgetSession(sessionId);
    }
    return [clearedSessionCookieHeader(request)];
  }
  const sessionId = (await resolveOwnSession(request))?.session_id;
  const { client, setCookies } = await createSupabaseRequestClient(request);
  await client.auth.signOut();
  if (typeof sessionId === "string") forgetSession(sessionId);
  return setCookies;
}

async function resolveOwnSession(request: Request): Promise<JwtClaims | undefined> {
  try {
    return await requireCaller(request);
  } catch {
    return undefined;
  }
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
  return { claims: await verifySessionToken(data.session.access_token), setCookies };
}
