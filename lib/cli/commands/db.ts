import fs from "node:fs";
import type { Command } from "commander";
import { getEnvironment } from "@/lib/env";
import { MotifError } from "@/lib/errors";

const supabaseBackupAdvice =
  "DATABASE_URL is set: back up with `pg_dump --format=custom --no-owner \"$DATABASE_URL\" > motif.dump` and restore with " +
  "`pg_restore --clean --if-exists --no-owner -d \"$DATABASE_URL\" motif.dump` (docs/operations.md).";

async function backup(file: string): Promise<void> {
  const environment = getEnvironment();
  if (environment.mode === "supabase") throw new MotifError("bad_request:input", supabaseBackupAdvice);
  const [{ backupEmbeddedDatabase }, { withDatabaseAccess }] = await Promise.all([import("@/lib/db"), import("../database-access")]);
  const archive = await withDatabaseAccess<Blob>({
    direct: (database) => backupEmbeddedDatabase(database),
    viaServer: async (fetchOwner) => (await fetchOwner("/api/operator/backup", { method: "POST" })).blob(),
  });
  // Written beside the target and renamed: an interrupted backup never leaves a truncated file.
  const partial = `${file}.partial`;
  fs.writeFileSync(partial, new Uint8Array(await archive.arrayBuffer()));
  fs.renameSync(partial, file);
  process.stdout.write(`backed up ${environment.dataDir} to ${file} (${(archive.size / 1e6).toFixed(1)} MB)\n`);
}

async function restore(file: string, options: { yes?: boolean }): Promise<void> {
  const environment = getEnvironment();
  if (environment.mode === "supabase") throw new MotifError("bad_request:input", supabaseBackupAdvice);
  if (!fs.existsSync(file)) throw new MotifError("bad_request:input", `no file ${file}`);
  if (!options.yes) throw new MotifError("bad_request:input", `this replaces every project, user and pattern in ${environment.dataDir} with ${file}; run again with --yes to confirm.`);
  const { readLockOwner, restoreEmbeddedDatabase } = await import("@/lib/db");
  const owner = readLockOwner(environment.dataDir);
  if (owner) throw new MotifError("locked:data_dir", `process ${owner.pid} (${owner.command}) is using ${environment.dataDir}; stop it first (a restore replaces the whole database).`);
  const archive = new Blob([new Uint8Array(fs.readFileSync(file))]);
  const result = await restoreEmbeddedDatabase({ dataDir: environment.dataDir, archive, command: "motif db restore" });
  const migrated = result.migrationsApplied > 0 ? `, ${result.migrationsApplied} newer migrations applied` : "";
  process.stdout.write(`restored ${file} into ${result.dataDir}${migrated}\n`);
}

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
      ? "Supabase roles and auth objects: created where missing (a plain Postgres)\n"
      : "Supabase project: its roles and auth objects are left as they are\n");
    const applied = await migrate(database, { embedded: false });
    process.stdout.write(`${applied.length} migrations applied${applied.length ? `: ${applied.join(", ")}` : " (the schema is up to date)"}\n`);
  } finally {
    await database.close();
  }
}

/** `motif db migrate|reset|backup|restore`: schema maintenance (embedded data dir, or DATABASE_URL's database), backups of the embedded one. */
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
  db.command("backup")
    .description("Write a consistent copy of the embedded database to FILE (through the running server when there is one)")
    .argument("<file>", "where to write the backup (a .tar.gz)")
    .action(backup);
  db.command("restore")
    .description("Replace the embedded database with a backup made by `motif db backup` (stop the server first)")
    .argument("<file>", "the backup to restore")
    .option("--yes", "confirm replacing every project, user and pattern")
    .action(restore);
}
