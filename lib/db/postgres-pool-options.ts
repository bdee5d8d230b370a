/** How Motif connects to a real Postgres: the shape of its postgres.js pool. */
export interface PostgresPoolOptions {
  /** `transaction`: a transaction-mode pooler (Supavisor or PgBouncer); `direct`: Postgres itself or a session pooler. */
  mode: "transaction" | "direct";
  /** Connections the pool opens at most. */
  max: number;
  /** Named prepared statements: one round trip per parameterised query instead of two. */
  prepare: boolean;
  /** Seconds an unused connection stays open. */
  idleTimeoutSeconds: number;
}

/** Supabase's transaction pooler listens on 6543; its session pooler and Postgres on 5432. */
const transactionPoolerPort = 6543;

/**
 * The pool for a `DATABASE_URL`. Through a transaction pooler (port 6543, or `mode` given) a
 * server connection is lent per transaction, so a statement prepared on one may be missing on
 * the next: no prepared statements; client connections to the pooler are cheap, so the pool
 * may be larger (20). Directly (or through a session pooler) each pool connection is a
 * Postgres backend, of which a small Supabase instance allows 60 for everything: 10, with
 * prepared statements, which save the describe round trip of every parameterised query.
 */
export function postgresPoolOptions(url: string, overrides: { mode?: PostgresPoolOptions["mode"]; max?: number } = {}): PostgresPoolOptions {
  const port = Number(new URL(url).port || 5432);
  const mode = overrides.mode ?? (port === transactionPoolerPort ? "transaction" : "direct");
  return mode === "transaction"
    ? { mode, max: overrides.max ?? 20, prepare: false, idleTimeoutSeconds: 20 }
    : { mode, max: overrides.max ?? 10, prepare: true, idleTimeoutSeconds: 60 };
}
