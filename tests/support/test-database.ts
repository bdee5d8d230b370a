import { migrate, openPgliteDatabase, type Database } from "@/lib/db";

/**
 * A fresh in-memory PGlite with pgvector and the real schema (embedded SQL, then every
 * migration) applied, exactly as embedded mode applies it.
 */
export async function createTestDatabase(): Promise<Database> {
  const database = await openPgliteDatabase("memory://");
  await migrate(database, { embedded: true });
  return database;
}
