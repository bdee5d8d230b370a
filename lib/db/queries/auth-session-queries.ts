import { isIP } from "node:net";
import type { Queryable } from "../database";
import { translateDatabaseErrors } from "../database-error";

/** One of a user's live sessions, as the user sees it. */
export interface AuthSession {
  id: string;
  created_at: string;
  expires_at: string | null;
  user_agent: string | null;
  ip: string | null;
}

/**
 * Records a local sign-in's session in auth.sessions (embedded mode; run as service_role) and
 * returns its id, which the access token carries as `session_id`.
 */
export async function createLocalSession({
  transaction,
  userId,
  expiresAt,
  userAgent,
  address,
}: {
  transaction: Queryable;
  userId: string;
  expiresAt: number;
  userAgent?: string;
  address?: string;
}): Promise<string> {
  const [row] = await translateDatabaseErrors(() =>
    transaction.query<{ id: string }>(
      `insert into auth.sessions (user_id, not_after, user_agent, ip)
       values ($1, to_timestamp($2), $3, $4::inet) returning id`,
      [userId, expiresAt, userAgent?.slice(0, 256).replaceAll("\u0000", "") || null, address && isIP(address) ? address : null],
    ),
  );
  return row.id;
}

/** Whether the session is live for this user (service_role): its row exists and has not ended. */
export async function isSessionActive({
  transaction,
  sessionId,
  userId,
}: {
  transaction: Queryable;
  sessionId: string;
  userId: string;
}): Promise<boolean> {
  const [row] = await transaction.query<{ active: boolean }>(`select private.session_is_active($1, $2) as active`, [
    sessionId,
    userId,
  ]);
  return row.active;
}

/** Ends a session (service_role), and clears sessions that ended more than a day ago. */
export async function endSessionById({ transaction, sessionId }: { transaction: Queryable; sessionId: string }) {
  await transaction.query(`select private.end_session($1)`, [sessionId]);
}

/** The caller's own live sessions, newest first (as the caller). */
export async function listSessionsOfCaller({ transaction }: { transaction: Queryable }): Promise<AuthSession[]> {
  return translateDatabaseErrors(() =>
    transaction.query<AuthSession>(`select id, created_at, expires_at, user_agent, ip from public.list_my_sessions()`),
  );
}

/** Ends one of the caller's sessions (as the caller); false when the caller has no such session. */
export async function revokeSessionOfCaller({ transaction, sessionId }: { transaction: Queryable; sessionId: string }) {
  const [row] = await translateDatabaseErrors(() =>
    transaction.query<{ revoked: boolean }>(`select public.revoke_my_session($1) as revoked`, [sessionId]),
  );
  return row.revoked;
}
