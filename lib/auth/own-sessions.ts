import { getDatabase, listSessionsOfCaller, revokeSessionOfCaller, withUser, type AuthSession, type JwtClaims } from "@/lib/db";
import { MotifError } from "@/lib/errors";
import { requireCaller } from "./resolve-caller";
import { forgetSession } from "./session-registry";

async function requireUser(request: Request): Promise<JwtClaims> {
  const claims = await requireCaller(request);
  if (claims.api_key_id) throw new MotifError("forbidden:auth", "an API key has no sessions; sign in as a user");
  return claims;
}

/** The caller's live sessions, newest first; `current` marks the one this request uses. */
export async function listOwnSessions(request: Request): Promise<(AuthSession & { current: boolean })[]> {
  const claims = await requireUser(request);
  const sessions = await withUser(await getDatabase(), claims, (transaction) => listSessionsOfCaller({ transaction }));
  return sessions.map((session) => ({ ...session, current: session.id === claims.session_id }));
}

/** Ends one of the caller's sessions: its token is refused from the next request on (404 if not theirs). */
export async function revokeOwnSession(request: Request, sessionId: string): Promise<void> {
  const claims = await requireUser(request);
  const revoked = await withUser(await getDatabase(), claims, (transaction) => revokeSessionOfCaller({ transaction, sessionId }));
  if (!revoked) throw new MotifError("not_found:resource", `you have no session ${sessionId}`);
  forgetSession(sessionId);
}
