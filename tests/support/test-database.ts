import { migrate, openPgliteDatabase, type Database } from "@/lib/db";
import { createRealPostgresDatabase, realPostgresLane } from "./real-postgres";

/**
 * A fresh database with the real schema: in-memory PGlite with the embedded SQL and every
 * migration applied, exactly as embedded mode applies them; in the real-Postgres lane, a
 * database of its own on the real server, with the schema `supabase db push` applied.
 */
export async function createTestDatabase(): Promise<Database> {
  if (realPostgresLane) return createRealPostgresDatabase();
  const database = await openPgliteDatabase("memory://");
  await migrate(database, { embedded: true });
  return database;
}
