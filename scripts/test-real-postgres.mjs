#!/usr/bin/env node
// `npm run test:postgres`: the real-Postgres lane, the db and api suites again on the
// Supabase-mode driver (postgres.js) against the server MOTIF_TEST_DATABASE_URL names, each
// test file in a database of its own (see tests/support/real-postgres-setup.ts). Without the
// variable the lane is skipped, and says so.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

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
// The JSON report gives the lane's own count, printed last so that `npm test`'s output says
// plainly how much ran on real Postgres (the default reporter's summary stays above it).
const report = path.join(mkdtempSync(path.join(os.tmpdir(), "motif-lane-")), "report.json");
const result = spawnSync(
  "npx",
  [
    "vitest", "run", "--project", "db-postgres", "--project", "api-postgres", "--project", "postgres-only",
    "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...process.argv.slice(2),
  ],
  { stdio: "inherit" },
);
if (existsSync(report)) {
  const counts = JSON.parse(readFileSync(report, "utf8"));
  console.log(
    `\nreal-Postgres lane (db-postgres, api-postgres, postgres-only on ${shown}): ` +
      `${counts.testResults.length} files, ${counts.numTotalTests} tests: ${counts.numPassedTests} passed, ` +
      `${counts.numFailedTests} failed, ${counts.numPendingTests + counts.numTodoTests} skipped\n`,
  );
}
rmSync(path.dirname(report), { recursive: true, force: true });
process.exit(result.status ?? 1);
