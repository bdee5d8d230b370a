import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";
import { ensureSupabaseObjects, openPostgresDatabase } from "@/lib/db";
import { databasePrefix, databaseUrl, withServer } from "./real-postgres";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");

/**
 * Global set-up of a real-Postgres project: one template database per project, prepared as a
 * Supabase user would prepare a plain Postgres (the roles and `auth` objects Supabase has, then
 * `supabase db push --db-url`), which every test file then clones. Teardown drops the template
 * and any clone a crashed file left.
 */
export default async function setup(project: TestProject) {
  const template = `${databasePrefix()}_t_${project.name.replace(/\W/g, "_")}`;
  const dropAll = () => withServer(async (sql) => {
    const names = await sql<{ datname: string }[]>`select datname from pg_database where datname = ${template} or datname like ${template.replace("_t_", "_f_") + "\\_%"}`;
    for (const { datname } of names) await sql.unsafe(`drop database if exists ${datname} with (force)`);
  });
  await dropAll();
  await withServer((sql) => sql.unsafe(`create database ${template}`));
  const database = openPostgresDatabase(databaseUrl(template), { maxConnections: 1 });
  try {
    await ensureSupabaseObjects(database);
  } finally {
    await database.close();
  }
  const url = new URL(databaseUrl(template));
  url.searchParams.set("sslmode", "disable");
  await run(path.join(root, "node_modules/.bin/supabase"), ["db", "push", "--db-url", url.toString(), "--yes"], { cwd: root });
  project.provide("realPostgresTemplate", template);
  return dropAll;
}
