import type { Queryable } from "../database";

/** What the health endpoint reports about the database. */
export interface DatabaseHealth {
  migrations: string[];
  pgvector: string | null;
  postgres: string;
}

/** Reads schema and extension versions; throws when the database cannot answer. */
export async function getDatabaseHealth({ transaction }: { transaction: Queryable }): Promise<DatabaseHealth> {
  const [row] = await transaction.query<{ pgvector: string | null; postgres: string; migrations: string[] | null }>(`
    select (select extversion from pg_extension where extname = 'vector') as pgvector,
           current_setting('server_version') as postgres,
           (select array_agg(version order by version) from supabase_migrations.schema_migrations) as migrations`);
  return { pgvector: row.pgvector, postgres: row.postgres, migrations: row.migrations ?? [] };
}
