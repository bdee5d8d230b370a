// Plain JavaScript on purpose: `bin/motif` calls this before any TypeScript loader exists.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";

const hourMs = 60 * 60 * 1000;

// Inside node_modules so a bundle's bare imports (packages stay external) resolve as from the repository.
function cacheFolderOf(home) {
  return path.join(home, "node_modules", ".cache", "motif");
}

function signature(home, relative) {
  const info = statSync(path.join(home, relative));
  return `${info.mtimeMs}:${info.size}`;
}

function freshBundle(home, name) {
  const folder = cacheFolderOf(home);
  try {
    const manifest = JSON.parse(readFileSync(path.join(folder, `${name}.json`), "utf8"));
    const fresh = Object.entries(manifest.inputs).every(([relative, expected]) => signature(home, relative) === expected);
    const entry = path.join(folder, manifest.entry);
    if (!fresh || !statSync(entry).isFile()) return undefined;
    // Marks the build as in use, so that no other run removes it as stale (see removeStaleBuilds).
    const now = new Date();
    utimesSync(path.dirname(entry), now, now);
    return entry;
  } catch {
    return undefined;
  }
}

// Written under a temporary name and renamed, so a concurrent run never reads half a file.
function writeAtomically(file, text) {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

// Older builds pile up as the code changes; one unused for an hour is removed. Every use
// touches its folder, and long-running processes ask again before each use (a server asks
// before each extraction), so a build still needed is never an hour old.
function removeStaleBuilds(folder, name, keep) {
  // Builds, and staging folders an interrupted build left behind.
  const pattern = new RegExp(`^(${name}-[0-9a-f]{16}(\\.mjs)?|${name}\\.\\d+\\.staging)$`);
  for (const entry of readdirSync(folder)) {
    if (entry === keep || !pattern.test(entry)) continue;
    const target = path.join(folder, entry);
    try {
      if (statSync(target).mtimeMs < Date.now() - hourMs) rmSync(target, { recursive: true, force: true });
    } catch {
      // Another run removed it first.
    }
  }
}

async function build(home, name, entry) {
  const esbuild = await import("esbuild");
  const folder = cacheFolderOf(home);
  const staging = path.join(folder, `${name}.${process.pid}.staging`);
  const result = await esbuild.build({
    absWorkingDir: home,
    entryPoints: { main: entry },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    tsconfig: "tsconfig.json",
    outdir: staging,
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const hash = createHash("sha256");
  for (const file of result.outputFiles) hash.update(path.relative(staging, file.path)).update(file.contents);
  const build = `${name}-${hash.digest("hex").slice(0, 16)}`;
  const target = path.join(folder, build);
  if (!hasEntry(target)) {
    for (const file of result.outputFiles) {
      mkdirSync(path.dirname(file.path), { recursive: true });
      writeFileSync(file.path, file.contents);
    }
    try {
      renameSync(staging, target);
    } catch (error) {
      // Another run built the same sources at the same moment: its copy is as good as ours.
      if (!hasEntry(target)) throw error;
    }
  }
  rmSync(staging, { recursive: true, force: true });
  const inputs = Object.fromEntries(Object.keys(result.metafile.inputs).map((relative) => [relative, signature(home, relative)]));
  writeAtomically(path.join(folder, `${name}.json`), JSON.stringify({ entry: path.join(build, "main.js"), inputs }));
  removeStaleBuilds(folder, name, build);
  return path.join(target, "main.js");
}

function hasEntry(target) {
  try {
    return statSync(path.join(target, "main.js")).isFile();
  } catch {
    return false;
  }
}

/**
 * The entry file of an esbuild bundle of `entry` (a TypeScript module of the repository at
 * `home`), kept in node_modules/.cache/motif and rebuilt only when one of its source files
 * changes (by modification time and size). Packages stay external; dynamic imports become
 * chunks, so a command loads only what it uses. Loading one bundle takes a fraction of the
 * time a TypeScript loader needs to transform and resolve every module on each start.
 *
 * @param {{ home: string, name: string, entry: string }} options
 * @returns {Promise<string>} absolute path of the bundle's entry module
 */
export async function cachedBundle({ home, name, entry }) {
  mkdirSync(cacheFolderOf(home), { recursive: true });
  return freshBundle(home, name) ?? (await build(home, name, entry));
}
