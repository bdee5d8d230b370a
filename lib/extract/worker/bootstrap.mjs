// Worker threads do not inherit the TypeScript loader of the thread that starts them, so
// each worker registers tsx itself (as bin/motif does) before loading the worker module.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";

const here = path.dirname(fileURLToPath(import.meta.url));
register({ tsconfig: path.resolve(here, "../../../tsconfig.json") });
await import(pathToFileURL(path.join(here, "extract-worker.ts")).href);
