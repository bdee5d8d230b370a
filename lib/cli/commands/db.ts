import fs from "node:fs";
import type { Command } from "commander";
import { getEnvironment } from "@/lib/env";
import { MotifError } from "@/lib/errors";

/** `motif db migrate|reset`: schema maintenance of the embedded database. */
export function registerDbCommand(program: Command): void {
  const db = program.command("db").description("Database maintenance");
  db.command("migrate")
    .description("Apply pending migrations (embedded mode; use `supabase db push` for Supabase)")
    .action(async () => {
      const environment = getEnvironment();
      if (environment.mode === "supabase") throw new MotifError("bad_request:input", "DATABASE_URL is set: apply migrations with `supabase db push`.");
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
