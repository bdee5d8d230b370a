import postgres from "postgres";
import { copyStatement } from "./copy-statement";
import type { Database, Queryable } from "./database";
import { measureWaits } from "./measure-waits";
import { settleInOrder } from "./settle-in-order";
import { beginWithSettings, type TransactionSettings } from "./transaction-settings";
import { postgresPoolOptions, type PostgresPoolOptions } from "./postgres-pool-options";

type SqlLike = Pick<postgres.Sql, "unsafe">;

// A JSON parameter given as a string is JSON text already, as PGlite reads it; postgres.js
// would encode it again, and Postgres would receive a JSON *string* ("{\"a\":1}").
const jsonType = {
  to: 114,
  from: [114, 3802],
  serialize: (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value)),
  parse: (value: string) => JSON.parse(value) as unknown,
};

// A date or timestamp parameter given as a string goes to Postgres as it is, as PGlite sends it:
// postgres.js would turn it into a Date first, and a malformed one (a crafted cursor) would
// throw in the driver instead of being refused by Postgres (22007, a 400).
const dateType = {
  to: 1184,
  from: [1082, 1114, 1184],
  serialize: (value: unknown) => (typeof value === "string" ? value : (value instanceof Date ? value : new Date(value as number)).toISOString()),
  parse: (value: string) => new Date(value),
};

function wrap(sql: SqlLike, prepare: boolean): Queryable {
  return {
    driver: "postgres",
    async query<Row>(text: string, params: unknown[] = []) {
      // postgres.js prepares no `unsafe` query unless asked, whatever the pool's setting.
      const rows = await sql.unsafe(text, params as postgres.ParameterOrJSON<never>[], { prepare });
      return rows as unknown as Row[];
    },
    async exec(script: string) {
      // No parameters: postgres.js uses the simple protocol, which accepts many statements.
      await sql.unsafe(script);
    },
    async copyBinary({ table, columns, data }) {
      const query = { query: async (text: string, params: unknown[] = []) => (await sql.unsafe(text, params as never[])) as never[] };
      const statement = await copyStatement(query, { table, columns, source: "stdin" });
      // COPY FROM STDIN needs no file privilege: it runs under the caller's role as it is.
      const stream = await sql.unsafe(statement).writable();
      await new Promise<void>((resolve, reject) => {
        stream.on("error", reject);
        stream.on("finish", resolve);
        stream.end(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
      });
    },
  };
}

/**
 * One transaction on a connection of its own, its BEGIN and settings (the caller's role and
 * claims) sent as one statement without parameters and pipelined ahead of `fn`'s statements,
 * instead of postgres.js's `sql.begin`, which waits for BEGIN's answer, and a statement for
 * the settings: two round trips per request saved, each a wake-up of both processes. Only a
 * statement without parameters may lead so: postgres.js sends a parameterised statement it
 * has not prepared in two steps (describe, then execute), and a statement sent after the
 * first step would overtake it. A failed BEGIN or setting still fails the call (it is the
 * error thrown), and the statements behind it fail in the aborted transaction.
 */
async function pipelinedTransaction<T>(
  sql: postgres.Sql,
  { prepare, settings }: { prepare: boolean; settings?: TransactionSettings },
  fn: (transaction: Queryable) => Promise<T>,
): Promise<T> {
  const connection = await sql.reserve();
  try {
    // execute(): postgres.js sends a query when it is first awaited, which would be after fn's.
    const begun = connection.unsafe(beginWithSettings(settings)).simple().execute();
    let result: T;
    try {
      result = await settleInOrder(begun, fn(wrap(connection, prepare)));
    } catch (error) {
      await connection.unsafe("rollback").catch(() => undefined);
      throw error;
    }
    await connection.unsafe("commit");
    return result;
  } finally {
    connection.release();
  }
}

/**
 * Connects to a real Postgres (Supabase) through `DATABASE_URL`, with a pool shaped for the
 * kind of connection (postgresPoolOptions: the transaction pooler on port 6543 or a direct one).
 */
export function openPostgresDatabase(
  url: string,
  options: { maxConnections?: number; poolMode?: PostgresPoolOptions["mode"] } = {},
): Database & { pool: PostgresPoolOptions } {
  const pool = postgresPoolOptions(url, { mode: options.poolMode, max: options.maxConnections });
  const sql = postgres(url, {
    max: pool.max,
    prepare: pool.prepare,
    idle_timeout: pool.idleTimeoutSeconds,
    types: { json: jsonType, date: dateType },
    onnotice: () => {},
  });
  return measureWaits({
    driver: "postgres",
    pool,
    ...wrap(sql, pool.prepare),
    transaction: <T>(fn: (transaction: Queryable) => Promise<T>, settings?: TransactionSettings) =>
      pipelinedTransaction(sql, { prepare: pool.prepare, settings }, fn),
    async listen(channel, handler) {
      const subscription = await sql.listen(channel, handler);
      return async () => subscription.unlisten();
    },
    close: () => sql.end({ timeout: 5 }),
  });
}
