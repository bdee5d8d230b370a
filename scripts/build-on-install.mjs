#!/usr/bin/env node
// npm install's last step (package.json "postinstall"): builds the web app when its build is
// missing or older than the sources (`motif build`), so that the first `npm start` of a fresh
// clone answers at once instead of building first. A failed build does not fail the install
// (the CLI works without the web app; `npm start` builds again and shows the error).
// MOTIF_SKIP_BUILD=1 skips it (a worktree that only runs the CLI or the unit tests).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

if (process.env.MOTIF_SKIP_BUILD === "1") process.exit(0);
const home = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const started = performance.now();
const run = spawnSync(process.execPath, [path.join(home, "bin", "motif"), "build"], { cwd: home, stdio: "inherit" });
if (run.status !== 0) {
  process.stderr.write("motif: the web app did not build during npm install; `npm start` will build it (and show why it fails)\n");
} else if (performance.now() - started > 5_000) {
  process.stderr.write(`motif: web app built in ${((performance.now() - started) / 1000).toFixed(0)} s; \`npm start\` serves it at once\n`);
}
