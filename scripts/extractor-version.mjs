#!/usr/bin/env node
// Writes lib/extract/data/extractor-version.json: the version stored beside every extracted
// file (`source_files.extractor_version`) and keying the extraction cache. A stored extraction
// is reused only while this version is unchanged, so it must change whenever extraction can
// answer differently: it is a digest of every source file the extractor reaches from
// lib/extract/index.ts (its own code, the words, quality and domain code it imports, the JSON
// and query files beside them) and of the exact versions of the npm packages it reaches (the
// parser and its grammars), as package-lock.json holds them. After an upgrade of Motif that
// changes extraction, unchanged files are extracted again instead of keeping stale kinds,
// names or scores. `--check` only compares, and fails when the file is out of date (a unit
// test runs it).
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { followImports, repository } from "./follow-imports.mjs";

const versionPath = path.join(repository, "lib/extract/data/extractor-version.json");
const lock = JSON.parse(fs.readFileSync(path.join(repository, "package-lock.json"), "utf8"));

function reachedSources() {
  const { files, packages } = followImports([path.join(repository, "lib/extract/index.ts")], (file) => /\.(ts|tsx|mjs|js)$/.test(file));
  return { files: files.filter((file) => file !== versionPath), packages };
}

function extractorVersion() {
  const { files, packages } = reachedSources();
  const digest = createHash("sha256");
  for (const file of files) digest.update(`${path.relative(repository, file)}\0`).update(fs.readFileSync(file)).update("\0");
  for (const name of packages) digest.update(`${name}@${lock.packages[`node_modules/${name}`]?.version ?? "?"}\0`);
  return { version: `motif-extract-${digest.digest("hex").slice(0, 16)}`, files: files.length, packages };
}

const text = `${JSON.stringify(extractorVersion(), null, 2)}\n`;
if (process.argv.includes("--check")) {
  const current = fs.existsSync(versionPath) ? fs.readFileSync(versionPath, "utf8") : "";
  if (current !== text) {
    process.stderr.write("lib/extract/data/extractor-version.json is out of date with the extractor's sources: run `npm run extract:version`\n");
    process.exit(1);
  }
} else {
  fs.mkdirSync(path.dirname(versionPath), { recursive: true });
  fs.writeFileSync(versionPath, text);
}
