import { defineConfig, type TestProjectConfiguration } from "vitest/config";
import path from "node:path";

const alias = { "@": path.resolve(import.meta.dirname) };

// Suites that are about the embedded database itself (its data dir, its files' modes, lock,
// buffer pool, autovacuum stand-in, crash recovery of a data dir, PGlite's search-path quirk) or that serve
// PGlite over a socket: they run on PGlite only.
const embeddedOnly = [
  "tests/db/buffer-pool.test.ts",
  "tests/db/data-dir-lock.test.ts",
  "tests/db/autovacuum.test.ts",
  "tests/db/ingest-crash.test.ts",
  "tests/db/reembed-crash.test.ts",
  "tests/db/search-path.test.ts",
  "tests/db/event-names-migration.test.ts",
  "tests/db/postgres-driver.test.ts",
  "tests/db/private-data-dir.test.ts",
];

// API suites that start a real `motif serve` or `motif mcp` on an embedded data dir of their
// own (or deploy the functions) rather than use the test database: on the real-Postgres lane
// they would only run the same thing a second time, so the lane leaves them out.
const apiEmbeddedOnly = [
  "tests/api/edge-functions.test.ts", "tests/api/functions-deploy.test.ts", "tests/api/serve-lifecycle.test.ts", "tests/api/mcp-stdio.test.ts",
];

const slow = { testTimeout: 120_000, hookTimeout: 120_000 };

const projects: TestProjectConfiguration[] = [
  { resolve: { alias }, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], testTimeout: 30_000 } },
  { resolve: { alias }, test: { name: "db", include: ["tests/db/**/*.test.ts"], ...slow } },
  { resolve: { alias }, test: { name: "api", include: ["tests/api/**/*.test.ts"], ...slow, fileParallelism: false } },
];

// The real-Postgres lane: the same db and api suites on the Supabase-mode driver (postgres.js)
// against a real server, when MOTIF_TEST_DATABASE_URL names one (`npm run test:postgres`).
if (process.env.MOTIF_TEST_DATABASE_URL) {
  const lane = { MOTIF_TEST_DRIVER: "postgres" };
  const globalSetup = ["tests/support/real-postgres-setup.ts"];
  projects.push(
    { resolve: { alias }, test: { name: "db-postgres", include: ["tests/db/**/*.test.ts"], exclude: embeddedOnly, env: lane, globalSetup, ...slow } },
    { resolve: { alias }, test: { name: "api-postgres", include: ["tests/api/**/*.test.ts"], exclude: apiEmbeddedOnly, env: lane, globalSetup, ...slow } },
    { resolve: { alias }, test: { name: "postgres-only", include: ["tests/postgres/**/*.test.ts"], env: lane, globalSetup, ...slow } },
  );
}

export default defineConfig({ resolve: { alias }, test: { projects } });
