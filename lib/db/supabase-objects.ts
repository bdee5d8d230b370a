import fs from "node:fs/promises";
import type { Database } from "./database";
import { listMigrations } from "./migrate";

/** What `ensureSupabaseObjects` found: Supabase's objects already there, or created now. */
export type SupabaseObjectsState = "present" | "created";

/**
 * Gives a plain Postgres (with pgvector available) what a Supabase project already has and the
 * migrations rely on: the API roles (`anon`, `authenticated`, `service_role`), the `auth`
 * schema with `auth.users` and `auth.uid()`/`role()`/`email()`/`jwt()`, and `extensions` on the
 * search path — the same `supabase/embedded/*.sql` the embedded mode applies (idempotent, so a
 * server prepared by an older Motif gets what was added since). On a Supabase project (Supabase
 * Auth keeps its own history in `auth.schema_migrations`) nothing is touched: Supabase's own
 * definitions stay as Supabase made them.
 *
 * The files are not recorded in the migration history, so `supabase db push` still sees only
 * `supabase/migrations` there.
 */
export async function ensureSupabaseObjects(database: Database, options: { root?: string } = {}): Promise<SupabaseObjectsState> {
  const [state] = await database.query<{ supabase: boolean }>(
    `select to_regclass('auth.schema_migrations') is not null and to_regclass('auth.users') is not null as supabase`,
  );
  if (state.supabase) return "present";
  const files = (await listMigrations({ embedded: true, root: options.root })).filter((file) => file.version.startsWith("embedded-"));
  for (const file of files) {
    const script = await fs.readFile(file.path, "utf8");
    await database.transaction((transaction) => transaction.exec(script));
  }
  return "created";
}
