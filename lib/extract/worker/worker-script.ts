import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { cachedBundle } from "@/bin/cached-bundle.mjs";

// bin/motif sets MOTIF_HOME; inside its bundle this module's own URL is the bundle's, not this file's.
// Not `new URL("../../../", import.meta.url)`: Next's bundler tries to resolve that as an asset and fails the build.
const home = process.env.MOTIF_HOME ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const bootstrap = pathToFileURL(path.join(home, "lib/extract/worker/bootstrap.mjs"));

/**
 * The module worker threads run. Through tsx each worker needs ~1 s to start (its own loader
 * thread, every module transformed); one esbuild bundle of the worker, rebuilt only when a
 * source file changes, starts in ~0.25 s. Asked for on every run (a few ms of `stat`), so a
 * long-running server never holds on to a build another run has since replaced and removed.
 * Where no bundle can be made (esbuild missing, a read-only install) workers fall back to
 * loading the TypeScript through tsx.
 */
export async function workerScript(): Promise<URL> {
  try {
    return pathToFileURL(await cachedBundle({ home, name: "extract-worker", entry: "lib/extract/worker/extract-worker.ts" }));
  } catch (error) {
    if (process.env.MOTIF_DEBUG) process.stderr.write(`motif: worker bundle unavailable, using tsx: ${String(error)}\n`);
    return bootstrap;
  }
}
