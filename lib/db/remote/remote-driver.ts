import type { Database, Queryable } from "../database";
import { functionsSecretHeader, type RemoteDatabaseError, type RemoteOperation } from "./remote-operation";
import { applyTransactionSettings, type TransactionSettings } from "../transaction-settings";
import { decodeWireValue, encodeWireValue } from "./wire-values";

/** Where the owning server answers database operations, and the secret it expects. */
export interface RemoteDatabaseOptions {
  /** The server's database endpoint, e.g. `http://127.0.0.1:3000/_motif/functions/database`. */
  url: string;
  secret: string;
}

/**
 * A database error that came back from the server, with its fields where drivers put them
 * (`code` for the SQLSTATE, as PGlite names the rest), so it reads as the server's own error did.
 */
class RemoteDatabaseFailure extends Error {
  readonly code?: string;
  readonly constraint?: string;
  readonly table?: string;
  readonly column?: string;

  constructor(error: RemoteDatabaseError) {
    super(error.message);
    this.name = "RemoteDatabaseFailure";
    this.code = error.sqlState;
    this.constraint = error.constraint;
    this.table = error.table;
    this.column = error.column;
  }
}

async function send<Answer>(options: RemoteDatabaseOptions, operation: RemoteOperation): Promise<Answer> {
  const response = await fetch(options.url, {
    method: "POST",
    headers: { "content-type": "application/json", [functionsSecretHeader]: options.secret },
    body: JSON.stringify(encodeWireValue(operation)),
  });
  const body = decodeWireValue(await response.json()) as { error?: RemoteDatabaseError } & Answer;
  if (!response.ok || body.error) {
    throw new RemoteDatabaseFailure(body.error ?? { message: `the database endpoint answered ${response.status}` });
  }
  return body;
}

function queryable(options: RemoteDatabaseOptions, transaction?: string): Queryable {
  return {
    async query<Row>(text: string, params: unknown[] = []) {
      return (await send<{ rows: Row[] }>(options, { op: "query", transaction, text, params })).rows;
    },
    async exec(script: string) {
      await send(options, { op: "exec", transaction, script });
    },
    async copyBinary({ table, columns, data }) {
      if (!transaction) throw new Error("binary COPY loads temp tables, so it runs inside a transaction");
      await send(options, { op: "copy", transaction, table, columns: [...columns], data });
    },
  };
}

/**
 * A Database whose statements run in another process: the `motif serve` that owns the
 * embedded data dir (PGlite allows one process per data dir, so a Deno function must not open
 * it). Transactions stay open on the server between calls and end with this side's commit
 * or rollback; the server rolls back one left idle. Errors keep their SQLSTATE, so
 * `toMotifError` maps them exactly as it maps a local driver's.
 */
export function openRemoteDatabase(options: RemoteDatabaseOptions): Database {
  return {
    // The server behind it runs PGlite: code that adapts to the driver sees the truth.
    driver: "pglite",
    ...queryable(options),
    async transaction<T>(fn: (transaction: Queryable) => Promise<T>, settings?: TransactionSettings): Promise<T> {
      const { transaction } = await send<{ transaction: string }>(options, { op: "begin" });
      let result: T;
      try {
        const inside = queryable(options, transaction);
        if (settings) await applyTransactionSettings(inside, settings);
        result = await fn(inside);
      } catch (error) {
        // The first error is the one to report; a failed rollback ends on the server anyway
        // (an idle transaction is rolled back there).
        await send(options, { op: "rollback", transaction }).catch(() => undefined);
        throw error;
      }
      await send(options, { op: "commit", transaction });
      return result;
    },
    listen: () => Promise.reject(new Error("a remote database delivers no notifications; subscribe on the server")),
    close: async () => undefined,
  };
}
