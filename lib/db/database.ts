/** Something SQL can be sent to: the database itself or one open transaction. */
export interface Queryable {
  /** Which driver runs the statements, where SQL must differ (see matchPatternsWithDetails). */
  readonly driver?: "pglite" | "postgres";
  /** Runs one parameterised statement and returns its rows. */
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  /** Runs a script of one or more statements without parameters. */
  exec(script: string): Promise<void>;
  /**
   * Loads a binary COPY stream (see binary-copy.ts) into a temporary table of the current
   * transaction. Only temp tables: on PGlite the COPY itself runs as the session user (a file
   * COPY needs that privilege), so it must never reach a table RLS protects; rows move on
   * from the staging table with ordinary statements, under the caller's role.
   */
  copyBinary(options: { table: string; columns: readonly string[]; data: Uint8Array }): Promise<void>;
}

/** A notification delivered by `pg_notify`, after the notifying transaction committed. */
export type NotificationHandler = (payload: string) => void;

import type { TransactionSettings } from "./transaction-settings";

/** One interface over both drivers (PGlite embedded, postgres.js for Supabase). */
export interface Database extends Queryable {
  readonly driver: "pglite" | "postgres";
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws.
   * `settings` are made for the transaction (set_config(name, value, true)) before `fn` runs.
   */
  transaction<T>(fn: (transaction: Queryable) => Promise<T>, settings?: TransactionSettings): Promise<T>;
  /** Subscribes to a `pg_notify` channel; resolves to an unsubscribe function. */
  listen(channel: string, handler: NotificationHandler): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
