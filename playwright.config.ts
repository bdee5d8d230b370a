import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

const port = Number(process.env.MOTIF_E2E_PORT ?? 3107);
// A fresh embedded data dir per run; workers re-read this file and inherit the variable.
process.env.MOTIF_E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "motif-e2e-"));

/** Browser tests: the production build served by `motif serve`, driven in Debian's Chromium. */
export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/",
  globalTeardown: "./tests/e2e/global-teardown.ts",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    screenshot: "on",
    trace: "retain-on-failure",
    launchOptions: {
      // `npx playwright install` cannot download browsers here; Debian's chromium works.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    // The data dir starts with a project of >5,000 patterns from real code (scale.spec.ts), copied
    // from a cache in the temp folder when one matches (tests/e2e/support/seed-large-project.ts).
    // `motif serve` builds the app first when the build is missing or older than the sources.
    command: `npx tsx tests/e2e/support/seed-large-project.ts ${process.env.MOTIF_E2E_DATA_DIR} && node bin/motif serve --port ${port} --hostname 127.0.0.1`,
    // `motif serve` opens and migrates the database before it listens, so the first page the
    // tests open answering means the whole app is ready.
    url: `http://127.0.0.1:${port}/sign-up`,
    // A cold seed (no cache yet) extracts and ingests ~1,100 files: minutes on 2 cores.
    timeout: 900_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: { MOTIF_DATA_DIR: process.env.MOTIF_E2E_DATA_DIR, MOTIF_SESSION_TTL_SECONDS: "3600" },
  },
});
