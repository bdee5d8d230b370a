/**
 * Builds lib/embed/data/idf-table.json, the built-in embedder's word weights: the inverse
 * document frequency of every stemmed word over a large body of real code on this machine
 * (the Python standard library and the JavaScript under node_modules), one document per
 * source file. Words that appear in most files ("get", "value", "return") weigh little;
 * words that say what a unit does ("backoff", "jitter", "checksum") weigh much. Computed
 * once and shipped as data, so the embedder stays corpus-independent and deterministic.
 *
 *   npm run build:idf
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { stemWord } from "@/lib/embed";
import { splitIdentifier } from "@/lib/words";

const repository = path.resolve(import.meta.dirname, "..");
const output = path.join(repository, "lib/embed/data/idf-table.json");
const maxFileBytes = 400_000;
const minDocumentFrequency = 3;

function sourceFiles(root: string, extensions: RegExp, skip: RegExp): string[] {
  const found: string[] = [];
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(directory, entry.name);
      if (skip.test(full)) continue;
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && extensions.test(entry.name) && statSync(full).size <= maxFileBytes) found.push(full);
    }
  };
  walk(root);
  return found;
}

function main(): void {
  const stdlib = execFileSync("python3", ["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"], { encoding: "utf8" }).trim();
  const files = [
    ...sourceFiles(stdlib, /\.py$/, /site-packages|__pycache__|\/test\/|\/tests\/|idlelib|lib2to3/),
    ...sourceFiles(path.join(repository, "node_modules"), /\.(js|cjs|mjs)$/, /\.min\.|\/\.cache\/|\/esm\/|\/umd\/|\/browser\//),
  ];
  const frequency = new Map<string, number>();
  for (const file of files) {
    const stems = new Set(splitIdentifier(readFileSync(file, "utf8")).filter((word) => word.length > 1 && !/^\d/.test(word)).map(stemWord));
    for (const stem of stems) frequency.set(stem, (frequency.get(stem) ?? 0) + 1);
  }
  const entries: string[] = [];
  for (const [stem, count] of [...frequency].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (count >= minDocumentFrequency) entries.push(`    ${JSON.stringify(String(stem))}: ${(Math.round(10 * Math.log(files.length / count)) / 10).toFixed(1)}`);
  }
  // JSON, one word a line (readable diffs), loaded as a JSON module by lib/embed/word-weight.ts.
  writeFileSync(
    output,
    [
      "{",
      '  "generatedBy": "scripts/build-idf.ts (npm run build:idf); do not edit",',
      `  "documents": ${files.length},`,
      `  "minDocumentFrequency": ${minDocumentFrequency},`,
      '  "idf": {',
      entries.join(",\n"),
      "  }",
      "}",
      "",
    ].join("\n"),
  );
  console.log(`${files.length} files, ${entries.length} stems → ${path.relative(repository, output)}`);
}

main();
