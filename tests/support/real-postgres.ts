import { createHash, randomBytes } from "node:crypto";
import path from "node:path";
import postgres from "postgres";
import { inject } from "vitest";
import { openPostgresDatabase, type Database } from "@/lib/db";

/**
 * The real-Postgres lane (vitest projects `db-postgres` and `api-postgres`, set up by
 * tests/support/real-postgres-setup.ts): each test file gets a fresh database cloned from a
 * template whose schema `supabase db push` applied.
 */
export const realPostgresLane = process.env.MOTIF_TEST_DRIVER === "postgres";

/** The server the lane runs on, `MOTIF_TEST_DATABASE_URL` (its maintenance database). */
export function serverUrl(): string {
  const url = process.env.MOTIF_TEST_DATABASE_URL;
  if (!url) throw new Error("MOTIF_TEST_DATABASE_URL is not set: the real-Postgres lane needs a server");
  return url;
}

/** The URL of another database on the lane's server. */
export function databaseUrl(name: string): string {
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Names of the lane's databases start with this (`MOTIF_TEST_DATABASE_PREFIX`, default
 * `motif_test_` + a hash of this checkout's path): two checkouts running the lane on one server
 * (CI and a developer, or two worktrees) then neither share nor drop each other's templates.
 */
export function databasePrefix(): string {
  const checkout = createHash("sha256").update(path.resolve(import.meta.dirname, "../..")).digest("hex").slice(0, 8);
  return process.env.MOTIF_TEST_DATABASE_PREFIX ?? `motif_test_${checkout}`;
}

/** A short-lived superuser connection to the maintenance database. */
export async function withServer<T>(fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(serverUrl(), { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * A fresh database of its own on the real server, cloned from the lane's template (the real
 * schema, applied by `supabase db push`), opened with the Supabase-mode driver. Closing it
 * drops it.
 */
export async function createRealPostgresDatabase(): Promise<Database> {
  const template = inject("realPostgresTemplate");
  const name = `${template.replace(/_t_/, "_f_")}_${randomBytes(5).toString("hex")}`;
  await withServer(async (sql) => {
    // A clone copies no per-database settings: Supabase's search path is set again.
    await sql.unsafe(`create database ${name} template ${template}`);
    await sql.unsafe(`alter database ${name} set search_path to "$user", public, extensions`);
  });
  const database = openPostgresDatabase(databaseUrl(name));
  const close = database.close;
  return {
    ...database,
    close: async () => {
      await close();
      await withServer((sql) => sql.unsafe(`drop database if exists ${name} with (force)`));
    },
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    realPostgresTemplate: string;
  }
}
