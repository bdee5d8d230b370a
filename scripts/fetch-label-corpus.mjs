#!/usr/bin/env node
// Installs the code the detector development set labels (tests/fixtures/labels/dev-set) into a
// folder OUTSIDE the repository: the npm packages at their exact labelled versions into
// $MOTIF_LABEL_CORPUS (default ~/.cache/motif-label-corpus), without install scripts.
// The Python labels read Debian's python3-* packages and the standard library; with
// --debian this also runs `apt-get install` for the python3-* packages that are missing.
//
//   npm run labels:fetch [-- --debian]
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const repository = path.resolve(import.meta.dirname, "..");
const labelFolder = path.join(repository, "tests/fixtures/labels/dev-set");
const corpus = process.env.MOTIF_LABEL_CORPUS ?? path.join(os.homedir(), ".cache", "motif-label-corpus");
const labels = readdirSync(labelFolder)
  .filter((name) => name.endsWith(".json"))
  .map((name) => JSON.parse(readFileSync(path.join(labelFolder, name), "utf8")));

const dependencies = Object.fromEntries(labels.filter((set) => set.ecosystem === "npm").map((set) => [set.package, set.version]).sort());
mkdirSync(corpus, { recursive: true });
writeFileSync(path.join(corpus, "package.json"), `${JSON.stringify({ name: "motif-label-corpus", private: true, dependencies }, null, 2)}\n`);
console.log(`installing ${Object.keys(dependencies).length} npm packages into ${corpus}`);
execFileSync("npm", ["install", "--ignore-scripts", "--no-audit", "--no-fund", "--no-package-lock"], { cwd: corpus, stdio: "inherit" });

const debian = [...new Set(labels.filter((set) => set.ecosystem === "debian").map((set) => set.debianPackage))].sort();
const missing = debian.filter((name) => {
  try {
    execFileSync("dpkg-query", ["-W", "-f=${Status}", name], { stdio: ["ignore", "pipe", "ignore"] });
    return false;
  } catch {
    return true;
  }
});
if (missing.length === 0) console.log(`all ${debian.length} Debian python3-* packages are installed`);
else if (process.argv.includes("--debian")) execFileSync("apt-get", ["install", "-y", "--no-install-recommends", ...missing], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
else console.log(`missing Debian packages (re-run with --debian, as root): ${missing.join(" ")}`);
