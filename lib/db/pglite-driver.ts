import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import type { Database, Queryable } from "./database";

type PGliteLike = Pick<PGlite, "query" | "exec">;

function wrap(connection: PGliteLike): Queryable {
  return {
    async query<Row>(text: string, params: unknown[] = []) {
      const result = await connection.query<Row>(text, params);
      return result.rows;
    },
    async exec(script: string) {
      await connection.exec(script);
    },
  };
}

/**
 * Opens PGlite (Postgres in WASM) with pgvector. `dataDir` is a folder path, or
 * `memory://` for a throwaway database (tests).
 */
export async function openPgliteDatabase(dataDir: string): Promise<Database & { pglite: PGlite }> {
  const pglite = await PGlite.create(dataDir, { extensions: { vector } });
  // Supabase's search path, so `vector` and `<=>` (schema `extensions`) resolve unqualified.
  // PGlite starts every session with search_path=public, ignoring `alter database ... set`.
  await pglite.exec(`set search_path to "$user", public, extensions`);
  return {
    driver: "pglite",
    pglite,
    ...wrap(pglite),
    transaction: (fn) => pglite.transaction((transaction) => fn(wrap(transaction))),
    async listen(channel, handler) {
      const unsubscribe = await pglite.listen(channel, handler);
      return async () => unsubscribe();
    },
    close: () => pglite.close(),
  };
}
