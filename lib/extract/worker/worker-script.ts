import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

// Not `new URL("../../../", import.meta.url)`: Next's bundler tries to resolve that as an asset and fails the build.
const home = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
// Inside node_modules so the bundle's bare imports (web-tree-sitter, grammars) resolve as from the repo.
const cacheFolder = path.join(home, "node_modules", ".cache", "motif");
const manifestFile = path.join(cacheFolder, "extract-worker.json");
const bootstrap = new URL("./bootstrap.mjs", import.meta.url);

interface Manifest {
  bundle: string;
  /** Every source file in the bundle: path relative to home → "mtime:size". */
  inputs: Record<string, string>;
}

function signature(relative: string): string {
  const info = statSync(path.join(home, relative));
  return `${info.mtimeMs}:${info.size}`;
}

function cachedBundle(): string | undefined {
  try {
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Manifest;
    const fresh = Object.entries(manifest.inputs).every(([relative, expected]) => signature(relative) === expected);
    const bundle = path.join(cacheFolder, manifest.bundle);
    return fresh && statSync(bundle).isFile() ? bundle : undefined;
  } catch {
    return undefined;
  }
}

// Written under a temporary name and renamed, so a concurrent run never reads half a file.
function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

// Bundles of older sources pile up as the code changes; one unused for an hour is removed
// (a run that started with it has long since loaded it).
function removeStaleBundles(keep: string): void {
  const hourAgo = Date.now() - 60 * 60 * 1000;
  for (const name of readdirSync(cacheFolder)) {
    const file = path.join(cacheFolder, name);
    if (name !== keep && /^extract-worker-[0-9a-f]+\.mjs$/.test(name) && statSync(file).mtimeMs < hourAgo) rmSync(file, { force: true });
  }
}

async function buildBundle(): Promise<string> {
  const esbuild = await import("esbuild");
  const result = await esbuild.build({
    absWorkingDir: home,
    entryPoints: ["lib/extract/worker/extract-worker.ts"],
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    tsconfig: "tsconfig.json",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const text = result.outputFiles[0].text;
  const name = `extract-worker-${createHash("sha256").update(text).digest("hex").slice(0, 16)}.mjs`;
  const inputs = Object.fromEntries(Object.keys(result.metafile.inputs).map((relative) => [relative, signature(relative)]));
  mkdirSync(cacheFolder, { recursive: true });
  writeAtomically(path.join(cacheFolder, name), text);
  writeAtomically(manifestFile, JSON.stringify({ bundle: name, inputs } satisfies Manifest));
  removeStaleBundles(name);
  return path.join(cacheFolder, name);
}

let script: Promise<URL> | undefined;

/**
 * The module worker threads run. Through tsx each worker needs ~1 s to start (its own loader
 * thread, every module transformed); one esbuild bundle of the worker, rebuilt only when a
 * source file changes, starts in ~0.25 s. Where no bundle can be made (esbuild missing, a
 * read-only install) workers fall back to loading the TypeScript through tsx.
 */
export function workerScript(): Promise<URL> {
  script ??= (async () => {
    try {
      return pathToFileURL(cachedBundle() ?? (await buildBundle()));
    } catch (error) {
      if (process.env.MOTIF_DEBUG) process.stderr.write(`motif: worker bundle unavailable, using tsx: ${String(error)}\n`);
      return bootstrap;
    }
  })();
  return script;
}
