// Follows a program's imports through this repository as Deno and the bundlers resolve them
// (`@/` is the repository root, as in tsconfig; extensionless paths end in .ts, .tsx or
// /index.ts): every local file reached, every npm package reached (and any grammar .wasm
// named by package path), and the top-level folders reached through `@/<folder>/`. Shared by
// functions-import-map.mjs (the edge functions' import map) and extractor-version.mjs (the
// digest of what extraction reads).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's root folder. */
export const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

// Static imports and re-exports (possibly over several lines), side-effect imports, import().
const importPatterns = [
  /^\s*(?:import|export)\s[^;]*?\sfrom\s*["']([^"'\s]+)["']/gm,
  /^\s*import\s*["']([^"']+)["']/gm,
  /\bimport\(\s*["']([^"']+)["']\s*\)/g,
];
const wasmPattern = /["']((?:@[\w.-]+\/)?[\w.-]+)\/[^"']+\.wasm["']/g;

function resolveLocal(specifier, from) {
  const base = specifier.startsWith("@/") ? path.join(repository, specifier.slice(2)) : path.resolve(path.dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`${path.relative(repository, from)}: cannot resolve ${specifier}`);
}

const packageName = (specifier) => specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/");

/**
 * Every file, package and `@/` folder reached from `entries`. `readsImports(file)` says which
 * reached files are read for further imports (the others, JSON or plain JavaScript, are
 * reached but not followed).
 */
export function followImports(entries, readsImports) {
  const files = new Set();
  const packages = new Set();
  const folders = new Set();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop();
    if (files.has(file)) continue;
    files.add(file);
    if (!readsImports(file)) continue;
    const text = fs.readFileSync(file, "utf8");
    for (const [, specifier] of text.matchAll(wasmPattern)) packages.add(specifier);
    for (const [, specifier] of importPatterns.flatMap((pattern) => [...text.matchAll(pattern)])) {
      if (specifier.startsWith("node:") || specifier.startsWith("npm:")) continue;
      if (specifier.startsWith("@/")) folders.add(specifier.slice(2).split("/")[0]);
      if (specifier.startsWith(".") || specifier.startsWith("@/")) queue.push(resolveLocal(specifier, file));
      else packages.add(packageName(specifier));
    }
  }
  return { files: [...files].sort(), packages: [...packages].sort(), folders: [...folders].sort() };
}
