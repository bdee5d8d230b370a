import { backupEmbeddedDatabase, type Database } from "@/lib/db";

/** A backup archive of the embedded database the server owns (`motif db backup` while it runs). */
export function backupAsOperator(database: Database): ReturnType<typeof backupEmbeddedDatabase> {
  return backupEmbeddedDatabase(database);
}
