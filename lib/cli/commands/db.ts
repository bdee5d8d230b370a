import fs from "node:fs";
import type { Command } from "commander";
import { getEnvironment } from "@/lib/env";
import { MotifError } from "@/lib/errors";

/**
 * `DATABASE_URL`'s database brought up to date: on a plain Postgres the Supabase roles and
 * `auth` objects first (left alone where Supabase made them), then `supabase/migrations`,
 * recorded where `supabase db push` records them.
 */
async function migrateDatabaseUrl(url: string): Promise<void> {
  const { ensureSupabaseObjects, migrate, openPostgresDatabase } = await import("@/lib/db");
  const database = openPostgresDatabase(url, { maxConnections: 1 });
  try {
    const objects = await ensureSupabaseObjects(database);
    process.stdout.write(objects === "created"
      ? "created the Supabase roles and auth objects this Postgres lacked\n"
      : "Supabase roles and auth objects are present; left as they are\n");
    const applied = await migrate(database, { embedded: false });
    process.stdout.write(`${applied.length} migrations applied${applied.length ? `: ${applied.join(", ")}` : " (the schema is up to date)"}\n`);
  } finally {
    await database.close();
  }
}

/** `motif db migrate|reset`: schema maintenance (embedded data dir, or DATABASE_URL's database). */
export function registerDbCommand(program: Command): void {
  const db = program.command("db").description("Database maintenance");
  db.command("migrate")
    .description("Apply pending migrations (embedded data dir, or DATABASE_URL: a Supabase project or a plain Postgres with pgvector)")
    .action(async () => {
      const environment = getEnvironment();
      if (environment.DATABASE_URL) return migrateDatabaseUrl(environment.DATABASE_URL);
      const { appliedMigrations, getDatabase } = await import("@/lib/db");
      const database = await getDatabase({ command: "motif db migrate" });
      const versions = await appliedMigrations(database);
      await database.close();
      process.stdout.write(`${versions.length} migrations applied in ${environment.dataDir}\n`);
    });
  db.command("reset")
    .description("Delete the embedded data dir (all projects, users and patterns)")
    .option("--yes", "confirm deletion")
    .action(async (options: { yes?: boolean }) => {
      const environment = getEnvironment();
      if (!options.yes) throw new MotifError("bad_request:input", `this deletes ${environment.dataDir}; run again with --yes to confirm.`);
      const { readLockOwner } = await import("@/lib/db");
      const owner = readLockOwner(environment.dataDir);
      if (owner) throw new MotifError("locked:data_dir", `process ${owner.pid} (${owner.command}) is using ${environment.dataDir}; stop it first.`);
      fs.rmSync(environment.dataDir, { recursive: true, force: true });
      process.stdout.write(`deleted ${environment.dataDir}\n`);
    });
}
