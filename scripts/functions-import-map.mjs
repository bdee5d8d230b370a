#!/usr/bin/env node
// Writes the import map of supabase/functions/deno.json. It follows the functions' imports
// from supabase/functions/*/index.ts through lib/ (as Deno resolves them: `@/` is the
// repository root, as in tsconfig; extensionless paths end in .ts or /index.ts), maps `@/<folder>/`
// for each top-level folder they reach (only those: `supabase functions deploy` uploads what an
// import map names, so mapping `@/` to the whole repository would upload all of it), and every
// npm package they reach (and any grammar .wasm they name) to an `npm:` specifier at the exact
// version package-lock.json holds, bare and with subpaths. Deno here reaches only the npm
// registry (no jsr:, no URLs), and Deno and Node then load the same packages at the same
// versions. Packages the functions never reach stay out, so Deno never installs them.
// `--check` only compares, and fails when the file is out of date (npm test runs it).
import fs from "node:fs";
import path from "node:path";
import { followImports, repository } from "./follow-imports.mjs";

const functionsFolder = path.join(repository, "supabase/functions");
const denoJsonPath = path.join(functionsFolder, "deno.json");
const lock = JSON.parse(fs.readFileSync(path.join(repository, "package-lock.json"), "utf8"));

function reachedPackages() {
  const entries = fs.readdirSync(functionsFolder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith("_") && entry.name !== "node_modules")
    .map((entry) => path.join(functionsFolder, entry.name, "index.ts"))
    .filter((file) => fs.existsSync(file));
  // Plain JavaScript (lib/bundle's esbuild loader) is not type-checked, and the functions never run it.
  return followImports([...entries, path.join(functionsFolder, "_shared/serve-locally.ts")], (file) => file.endsWith(".ts"));
}

function importMap() {
  const { packages, folders } = reachedPackages();
  const imports = Object.fromEntries(folders.map((folder) => [`@/${folder}/`, `../../${folder}/`]));
  for (const name of packages) {
    const version = lock.packages[`node_modules/${name}`]?.version;
    if (!version) throw new Error(`the functions import ${name}, which package-lock.json does not hold: add it to package.json`);
    imports[name] = `npm:${name}@${version}`;
    imports[`${name}/`] = `npm:/${name}@${version}/`;
  }
  return imports;
}

const current = JSON.parse(fs.readFileSync(denoJsonPath, "utf8"));
const text = `${JSON.stringify({ ...current, imports: importMap() }, null, 2)}\n`;
if (process.argv.includes("--check")) {
  if (fs.readFileSync(denoJsonPath, "utf8") !== text) {
    process.stderr.write("supabase/functions/deno.json is out of date with the functions' imports: run `npm run functions:imports`\n");
    process.exit(1);
  }
} else {
  fs.writeFileSync(denoJsonPath, text);
}
