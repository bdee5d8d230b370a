import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Language as TreeSitterLanguage, Parser } from "web-tree-sitter";
import type { Language } from "@/lib/domain";

// Grammar .wasm files ship inside the npm grammar packages; `import.meta.resolve` finds them
// the same way in Node and in Deno (npm: specifiers), so there is one loader and no branches.
const grammarModule: Record<Language, string> = {
  python: "tree-sitter-python/tree-sitter-python.wasm",
  typescript: "tree-sitter-typescript/tree-sitter-typescript.wasm",
  tsx: "tree-sitter-typescript/tree-sitter-tsx.wasm",
  javascript: "tree-sitter-javascript/tree-sitter-javascript.wasm",
};

let initialised: Promise<void> | undefined;
const languages = new Map<Language, Promise<TreeSitterLanguage>>();

// Next's server bundle (Turbopack) leaves `import.meta.resolve` undefined; there Motif's own
// node_modules answer the same question: the folder Motif is installed in, which `bin/motif` names
// in MOTIF_HOME (as lib/db's motifHome reads it), whatever folder `motif serve` was started from.
function resolvePackageFile(specifier: string): URL {
  if (typeof import.meta.resolve === "function") return new URL(import.meta.resolve(specifier));
  const home = path.resolve(/*turbopackIgnore: true*/ process.env.MOTIF_HOME ?? process.cwd());
  return pathToFileURL(createRequire(path.join(home, "package.json")).resolve(specifier));
}

async function readPackageFile(specifier: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(resolvePackageFile(specifier)));
}

/** Loads (once) the tree-sitter grammar of a language. */
export function loadLanguage(language: Language): Promise<TreeSitterLanguage> {
  initialised ??= Parser.init();
  let loaded = languages.get(language);
  if (!loaded) {
    loaded = initialised.then(async () => TreeSitterLanguage.load(await readPackageFile(grammarModule[language])));
    languages.set(language, loaded);
  }
  return loaded;
}

/** A parser for one language; create one per thread and reuse it. */
export async function createParser(language: Language): Promise<Parser> {
  const grammar = await loadLanguage(language);
  const parser = new Parser();
  parser.setLanguage(grammar);
  return parser;
}
