#!/usr/bin/env node
// Installs the code the detector development set labels (tests/fixtures/labels/dev-set) into a
// folder OUTSIDE the repository: the npm packages at their exact labelled versions into
// $MOTIF_LABEL_CORPUS (default ~/.cache/motif-label-corpus), without install scripts.
// The Python labels read Debian's python3-* packages and the standard library; with
// --debian this also runs `apt-get install` for the python3-* packages that are missing.
//
// With --sources it also fetches the tests and examples that tests/fixtures/labels/package-sources.json
// names (Debian -doc packages, downloaded with `apt-get download` and unpacked with `dpkg-deb -x`
// into $MOTIF_LABEL_SOURCES, default ~/.cache/motif-label-sources; nothing is installed).
//
//   npm run labels:fetch [-- --debian] [-- --sources]
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
// `npm install` prunes what package.json does not list (packages others put there with --no-save):
// run it only when a labelled package is missing or at another version.
const installedAt = (name) => {
  try {
    return JSON.parse(readFileSync(path.join(corpus, "node_modules", name, "package.json"), "utf8")).version;
  } catch {
    return undefined;
  }
};
const stale = Object.entries(dependencies).filter(([name, version]) => installedAt(name) !== version);
if (stale.length === 0) console.log(`all ${Object.keys(dependencies).length} npm packages are installed at their labelled versions in ${corpus}`);
else {
  writeFileSync(path.join(corpus, "package.json"), `${JSON.stringify({ name: "motif-label-corpus", private: true, dependencies }, null, 2)}\n`);
  console.log(`installing ${Object.keys(dependencies).length} npm packages into ${corpus} (${stale.length} missing or at another version)`);
  execFileSync("npm", ["install", "--ignore-scripts", "--no-audit", "--no-fund", "--no-package-lock"], { cwd: corpus, stdio: "inherit" });
}

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

if (process.argv.includes("--sources")) fetchSources();

function fetchSources() {
  const sources = JSON.parse(readFileSync(path.join(repository, "tests/fixtures/labels/package-sources.json"), "utf8")).packages;
  const root = process.env.MOTIF_LABEL_SOURCES ?? path.join(os.homedir(), ".cache", "motif-label-sources");
  const debs = path.join(root, "debs");
  mkdirSync(debs, { recursive: true });
  for (const [key, source] of Object.entries(sources)) {
    const target = path.join(root, key.replace(":", "/"));
    const wanted = `${source.debianPackage}=${source.version}`;
    execFileSync("apt-get", ["download", wanted], { cwd: debs, stdio: "inherit" });
    const deb = readdirSync(debs).find((name) => name.startsWith(`${source.debianPackage}_`) && name.endsWith(".deb"));
    mkdirSync(target, { recursive: true });
    execFileSync("dpkg-deb", ["-x", path.join(debs, deb), target], { stdio: "inherit" });
    console.log(`${key}: ${source.folders.join(", ")} from ${deb} → ${target}`);
  }
}
