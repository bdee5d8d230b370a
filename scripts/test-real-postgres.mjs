#!/usr/bin/env node
// `npm run test:postgres`: the real-Postgres lane, the db and api suites again on the
// Supabase-mode driver (postgres.js) against the server MOTIF_TEST_DATABASE_URL names, each
// test file in a database of its own (see tests/support/real-postgres-setup.ts). Without the
// variable the lane is skipped, and says so.
import { spawnSync } from "node:child_process";

const url = process.env.MOTIF_TEST_DATABASE_URL;
if (!url) {
  console.log(
    "\nreal-Postgres lane SKIPPED: MOTIF_TEST_DATABASE_URL is not set, so tests/db and tests/api ran on embedded PGlite only.\n" +
      "Set it to a PostgreSQL 15+ server with pgvector where this user may create databases (.ci/run starts one).\n",
  );
  process.exit(0);
}
const shown = new URL(url);
shown.password = shown.password ? "***" : "";
console.log(`\nreal-Postgres lane: tests/db and tests/api on postgres.js against ${shown}\n`);
const result = spawnSync(
  "npx",
  ["vitest", "run", "--project", "db-postgres", "--project", "api-postgres", "--project", "postgres-only", ...process.argv.slice(2)],
  { stdio: "inherit" },
);
process.exit(result.status ?? 1);
