import { asService, getDatabase, isSessionActive, type JwtClaims } from "@/lib/db";
import { getEnvironment } from "@/lib/env";
import { MotifError } from "@/lib/errors";

/**
 * How long a session found live is trusted without asking the database again. Ending a session
 * in this process (sign-out, revocation) forgets it at once, so its token is refused on the very
 * next request; a session ended by another server process is refused within this window.
 */
export const sessionTrustMs = 10_000;

// Bounded, as verified API keys are: a flood of distinct sessions cannot grow the process.
const maxEntries = 10_000;
const checked = new Map<string, number>();

/**
 * Refuses a user's token whose session has ended (signed out, revoked, expired): 401, sign in
 * again. Embedded mode also refuses a token that names no session (ours always do; older ones
 * predate sessions). In Supabase mode GoTrue puts `session_id` in the tokens of its sessions;
 * a token without one (not issued for a sign-in) is left to its signature and expiry.
 */
export async function assertSessionActive(claims: JwtClaims, now = Date.now()): Promise<void> {
  const sessionId = claims.session_id;
  if (sessionId === undefined && getEnvironment().mode === "supabase") return;
  if (typeof sessionId !== "string" || !/^[0-9a-f-]{36}$/i.test(sessionId) || typeof claims.sub !== "string") {
    throw new MotifError("unauthorized:auth", "the access token names no session; sign in again");
  }
  const checkedAt = checked.get(sessionId);
  if (checkedAt !== undefined && now - checkedAt < sessionTrustMs) return;
  const userId = claims.sub;
  const active = await asService(await getDatabase(), (transaction) => isSessionActive({ transaction, sessionId, userId }));
  if (!active) {
    checked.delete(sessionId);
    throw new MotifError("unauthorized:auth", "this session has ended (signed out or revoked); sign in again");
  }
  if (checked.size >= maxEntries) checked.delete(checked.keys().next().value!);
  checked.set(sessionId, now);
}

/** Forgets a session, so that its next request is checked again: call it when a session ends. */
export function forgetSession(sessionId: string): void {
  checked.delete(sessionId);
}
