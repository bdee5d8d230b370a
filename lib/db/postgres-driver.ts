import postgres from "postgres";
import { copyStatement } from "./copy-statement";
import type { Database, Queryable } from "./database";
import { measureWaits } from "./measure-waits";

type SqlLike = Pick<postgres.Sql, "unsafe">;

function wrap(sql: SqlLike): Queryable {
  return {
    async query<Row>(text: string, params: unknown[] = []) {
      const rows = await sql.unsafe(text, params as postgres.ParameterOrJSON<never>[]);
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

/** Connects to a real Postgres (Supabase) through `DATABASE_URL`. */
export function openPostgresDatabase(url: string, options: { maxConnections?: number } = {}): Database {
  // prepare: false because Supabase's transaction pooler (port 6543) does not support
  // prepared statements.
  const sql = postgres(url, { max: options.maxConnections ?? 10, prepare: false, onnotice: () => {} });
  return measureWaits({
    driver: "postgres",
    ...wrap(sql),
    transaction: <T>(fn: (transaction: Queryable) => Promise<T>) =>
      sql.begin((transaction) => fn(wrap(transaction))) as Promise<T>,
    async listen(channel, handler) {
      const subscription = await sql.listen(channel, handler);
      return async () => subscription.unlisten();
    },
    close: () => sql.end({ timeout: 5 }),
  });
}
