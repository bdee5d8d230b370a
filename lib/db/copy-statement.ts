import type { Queryable } from "./database";

/**
 * The COPY statement for a binary load into `table`, after checking that it names a temp
 * table of this session (so a load can never bypass row-level security) and that the
 * columns are plain identifiers.
 */
export async function copyStatement(
  connection: Pick<Queryable, "query">,
  { table, columns, source }: { table: string; columns: readonly string[]; source: string },
): Promise<string> {
  const identifier = /^[a-z_][a-z0-9_]{0,62}$/;
  if (!identifier.test(table) || !columns.every((column) => identifier.test(column))) {
    throw new Error(`binary COPY needs plain identifiers, got ${table}(${columns.join(", ")})`);
  }
  const [found] = await connection.query<{ temporary: boolean }>(
    `select c.relpersistence = 't' as temporary from pg_catalog.pg_class c
     where c.oid = to_regclass('pg_temp.' || $1)`,
    [table],
  );
  if (!found?.temporary) throw new Error(`binary COPY loads temp tables only; ${table} is not one`);
  return `copy pg_temp.${table} (${columns.join(", ")}) from ${source} with (format binary)`;
}
