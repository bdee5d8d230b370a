import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { getEnvironment } from "@/lib/env";
import { bufferPoolBytes, defaultBufferPoolBytes, formatBufferPool, relationBytes } from "./buffer-pool-size";
import { copyStatement } from "./copy-statement";
import type { Database, Queryable } from "./database";
import { measureWaits } from "./measure-waits";
import { applyTransactionSettings } from "./transaction-settings";

type PGliteLike = Pick<PGlite, "query" | "exec">;

// A COPY from PGlite's '/dev/blob' is a server-side file COPY, which `authenticated` may not
// run: the role is dropped for this one statement and restored (with the request's claims
// untouched). copyStatement only accepts this transaction's own temp tables.
async function copyAsSessionUser(connection: PGliteLike, statement: string, data: Uint8Array) {
  const [{ role }] = (await connection.query<{ role: string }>(`select current_setting('role') as role`)).rows;
  await connection.query("reset role");
  try {
    await connection.query(statement, [], { blob: new Blob([data as Uint8Array<ArrayBuffer>]) });
  } finally {
    await connection.query(`select set_config('role', $1, true)`, [role]);
  }
}

function wrapQuery(connection: PGliteLike): Pick<Queryable, "query"> {
  return { query: async (text, params = []) => (await connection.query<never>(text, params)).rows };
}

function wrap(connection: PGliteLike): Queryable {
  return {
    driver: "pglite",
    async query<Row>(text: string, params: unknown[] = []) {
      const result = await connection.query<Row>(text, params);
      return result.rows;
    },
    async exec(script: string) {
      await connection.exec(script);
    },
    async copyBinary({ table, columns, data }) {
      const statement = await copyStatement(wrapQuery(connection), { table, columns, source: "'/dev/blob'" });
      await copyAsSessionUser(connection, statement, data);
    },
  };
}

/**
 * The buffer pool a data dir opens with: MOTIF_PG_SHARED_BUFFERS when set, else, when asked
 * (`sized`), sized from the data dir (bufferPoolBytes); undefined keeps PGlite's default
 * (in-memory databases, one-shot commands, and data dirs too small to gain from more).
 */
function sharedBuffersFor(dataDir: string, sized: boolean): string | undefined {
  const configured = getEnvironment().MOTIF_PG_SHARED_BUFFERS;
  if (configured) return configured;
  if (!sized || dataDir.startsWith("memory://")) return undefined;
  const pool = bufferPoolBytes(relationBytes(dataDir));
  return pool === defaultBufferPoolBytes ? undefined : formatBufferPool(pool);
}

/**
 * Opens PGlite (Postgres in WASM) with pgvector. `dataDir` is a folder path, or
 * `memory://` for a throwaway database (tests). `sizeBufferPool` sizes the buffer pool for
 * the data dir (long-running servers).
 */
export async function openPgliteDatabase(dataDir: string, options: { sizeBufferPool?: boolean } = {}): Promise<Database & { pglite: PGlite }> {
  const sharedBuffers = sharedBuffersFor(dataDir, options.sizeBufferPool === true);
  const pglite = await PGlite.create(dataDir, {
    extensions: { vector },
    ...(sharedBuffers ? { startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${sharedBuffers}`] } : {}),
  });
  // Supabase's search path, so `vector` and `<=>` (schema `extensions`) resolve unqualified.
  // PGlite starts every session with search_path=public, ignoring `alter database ... set`.
  await pglite.exec(`set search_path to "$user", public, extensions`);
  return measureWaits({
    driver: "pglite",
    pglite,
    ...wrap(pglite),
    transaction: (fn, settings) => pglite.transaction(async (transaction) => {
      const inside = wrap(transaction);
      if (settings) await applyTransactionSettings(inside, settings);
      return fn(inside);
    }),
    async listen(channel, handler) {
      const unsubscribe = await pglite.listen(channel, handler);
      return async () => unsubscribe();
    },
    close: () => pglite.close(),
  });
}
