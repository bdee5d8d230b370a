import fs from "node:fs/promises";
import path from "node:path";
import type { Database } from "./database";
import { motifHome } from "./motif-home";

/** One SQL file of the schema, in the order it is applied. */
export interface MigrationFile {
  version: string;
  name: string;
  path: string;
}

const historyTable = "supabase_migrations.schema_migrations";

async function listSqlFiles(folder: string, prefix: string): Promise<MigrationFile[]> {
  const names = (await fs.readdir(folder).catch(() => [] as string[])).filter((name) => name.endsWith(".sql")).sort();
  return names.map((file) => {
    const base = file.replace(/\.sql$/, "");
    const [version, ...rest] = base.split("_");
    return { version: `${prefix}${version}`, name: rest.join("_") || base, path: path.join(folder, file) };
  });
}

/**
 * The files to apply: `supabase/embedded/*.sql` first (embedded mode only: they give a plain
 * Postgres what Supabase already has), then `supabase/migrations/*.sql`, each in name order.
 */
export async function listMigrations(options: { embedded: boolean; root?: string }): Promise<MigrationFile[]> {
  const root = path.join(options.root ?? motifHome(), "supabase");
  const embedded = options.embedded ? await listSqlFiles(path.join(root, "embedded"), "embedded-") : [];
  return [...embedded, ...(await listSqlFiles(path.join(root, "migrations"), ""))];
}

/**
 * Applies pending migrations in order, each in its own transaction, and records them in the
 * same history table the Supabase CLI uses, so `supabase db push` and Motif agree.
 */
export async function migrate(database: Database, options: { embedded: boolean; root?: string }): Promise<string[]> {
  await database.exec(`
    create schema if not exists supabase_migrations;
    create table if not exists ${historyTable} (version text primary key, statements text[], name text);
  `);
  const applied = new Set(
    (await database.query<{ version: string }>(`select version from ${historyTable}`)).map((row) => row.version),
  );
  const newlyApplied: string[] = [];
  for (const migration of await listMigrations(options)) {
    if (applied.has(migration.version)) continue;
    const script = await fs.readFile(migration.path, "utf8");
    await database.transaction(async (transaction) => {
      await transaction.exec(script);
      await transaction.query(`insert into ${historyTable} (version, name, statements) values ($1, $2, $3)`, [
        migration.version,
        migration.name,
        [script],
      ]);
    }).catch((error: Error) => {
      throw new Error(`Migration ${path.basename(migration.path)} failed: ${error.message}`);
    });
    newlyApplied.push(migration.version);
  }
  return newlyApplied;
}

/** The versions recorded as applied, oldest first. */
export async function appliedMigrations(database: Database): Promise<string[]> {
  const rows = await database.query<{ version: string }>(
    `select version from ${historyTable} order by version`,
  );
  return rows.map((row) => row.version);
}
