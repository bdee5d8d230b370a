import { randomUUID } from "node:crypto";
import type { Database, Queryable } from "../database";
import { databaseErrorFields } from "@/lib/errors";
import type { RemoteDatabaseError, RemoteOperation } from "./remote-operation";
import { decodeWireValue, encodeWireValue } from "./wire-values";

/** The answer to one remote operation: an HTTP status and a JSON-safe body. */
export interface RemoteAnswer {
  status: number;
  body: unknown;
}

interface OpenTransaction {
  connection: Queryable;
  end: (commit: boolean) => void;
  ended: Promise<void>;
  idle: ReturnType<typeof setTimeout>;
  // Operations of one transaction run one after another, in the order they arrived.
  queue: Promise<unknown>;
}

class RollbackRequested extends Error {}

// A database error is an answer (200): the driver on the other side rethrows it as its own.
function failure(error: unknown, status = 500): RemoteAnswer {
  const fields = databaseErrorFields(error);
  const body: RemoteDatabaseError = fields ?? { message: error instanceof Error ? error.message : String(error) };
  return { status: fields ? 200 : status, body: { error: body } };
}

/**
 * Serves a Database to another process over `openRemoteDatabase`'s operations: the server
 * that owns the embedded data dir keeps each remote transaction open between calls (inside
 * `database.transaction`, so PGlite's own locking applies) and rolls back one idle for
 * `idleMs`. Only trusted code reaches this (the caller checks the functions secret).
 */
export function createRemoteDatabaseHost(database: Database, options: { idleMs?: number } = {}) {
  const idleMs = options.idleMs ?? 10_000;
  const open = new Map<string, OpenTransaction>();

  function touch(id: string, entry: OpenTransaction): void {
    clearTimeout(entry.idle);
    // A function that died mid-transaction must not hold the database: roll it back.
    entry.idle = setTimeout(() => void finish(id, false).catch((error: unknown) => console.error(`motif: rolling back idle transaction ${id}:`, error)), idleMs);
  }

  async function finish(id: string, commit: boolean): Promise<void> {
    const entry = open.get(id);
    if (!entry) throw new Error(`transaction ${id} is not open (it ended, or was rolled back after ${idleMs} ms idle)`);
    open.delete(id);
    clearTimeout(entry.idle);
    await entry.queue.catch(() => undefined);
    entry.end(commit);
    await entry.ended;
  }

  async function begin(): Promise<RemoteAnswer> {
    const id = randomUUID();
    let opened!: (connection: Queryable, end: (commit: boolean) => void) => void;
    const ready = new Promise<{ connection: Queryable; end: (commit: boolean) => void }>((resolve) => {
      opened = (connection, end) => resolve({ connection, end });
    });
    const ended = database.transaction(async (connection) => {
      const commit = await new Promise<boolean>((resolve) => opened(connection, resolve));
      if (!commit) throw new RollbackRequested();
    }).catch((error: unknown) => {
      if (!(error instanceof RollbackRequested)) throw error;
    });
    const started = await Promise.race([ready, ended.then(() => undefined)]);
    if (!started) throw new Error("the transaction ended before it began");
    const entry: OpenTransaction = { ...started, ended, idle: setTimeout(() => undefined, 0), queue: Promise.resolve() };
    open.set(id, entry);
    touch(id, entry);
    return { status: 200, body: { transaction: id } };
  }

  async function run(operation: Exclude<RemoteOperation, { op: "begin" | "commit" | "rollback" }>, connection: Queryable): Promise<unknown> {
    if (operation.op === "query") return { rows: encodeWireValue(await connection.query(operation.text, decodeWireValue(operation.params) as unknown[])) };
    if (operation.op === "exec") return (await connection.exec(operation.script), {});
    const data = decodeWireValue(operation.data);
    if (!(data instanceof Uint8Array)) throw new Error("copy: data must be bytes");
    await connection.copyBinary({ table: operation.table, columns: operation.columns, data });
    return {};
  }

  async function within(id: string | undefined, operation: Exclude<RemoteOperation, { op: "begin" | "commit" | "rollback" }>): Promise<RemoteAnswer> {
    if (id === undefined) return { status: 200, body: await run(operation, database) };
    const entry = open.get(id);
    if (!entry) return failure(new Error(`transaction ${id} is not open (it ended, or was rolled back after ${idleMs} ms idle)`), 409);
    touch(id, entry);
    const result = entry.queue.then(() => run(operation, entry.connection));
    entry.queue = result.catch(() => undefined);
    return { status: 200, body: await result };
  }

  return {
    /** Runs one operation; database errors come back with their SQLSTATE, never thrown. */
    async handle(operation: RemoteOperation): Promise<RemoteAnswer> {
      try {
        if (operation.op === "begin") return await begin();
        if (operation.op === "commit" || operation.op === "rollback") {
          await finish(operation.transaction, operation.op === "commit");
          return { status: 200, body: {} };
        }
        return await within(operation.transaction, operation);
      } catch (error) {
        return failure(error);
      }
    },
    /** Rolls back every open transaction (the server is stopping). */
    async close(): Promise<void> {
      await Promise.all([...open.keys()].map((id) => finish(id, false).catch(() => undefined)));
    },
    /** How many remote transactions are open now. */
    openTransactions: () => open.size,
  };
}

/** A host created by `createRemoteDatabaseHost`. */
export type RemoteDatabaseHost = ReturnType<typeof createRemoteDatabaseHost>;
