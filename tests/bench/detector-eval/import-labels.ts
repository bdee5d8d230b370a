/**
 * Turns label notes written while reading code into the JSON label files of
 * tests/fixtures/labels/dev-set, filling in each unit's first line from Motif's unit finder
 * (no detector runs). Notes format, one unit per line:
 *
 *   @package NAME ECOSYSTEM VERSION SPLIT [DEBIAN-PACKAGE]
 *   PATH QUALNAME[@LLINE] KIND[,KIND...]|-|-:KIND[,KIND...]
 *
 *   npx tsx tests/bench/detector-eval/import-labels.ts NOTES.txt
 *
 * A qualname that several units share needs @LLINE. `-` marks a deliberate negative, and
 * `-:builder` one that looks like a builder and is not (a hard negative).
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { designPatternKindSchema } from "@/lib/domain";
import { labelFolder, packageLabelsSchema, packageRoot, type LabelEntry, type PackageLabels } from "./label-set";
import { unitsOfFile, type ListedUnit } from "./list-units";

async function main(): Promise<void> {
  const notes = readFileSync(process.argv[2]!, "utf8").split("\n");
  const packages: PackageLabels[] = [];
  const problems: string[] = [];
  const listed = new Map<string, ListedUnit[]>();
  for (const [index, raw] of notes.entries()) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    if (line.startsWith("@package")) {
      const [, name, ecosystem, version, split, debianPackage] = line.split(/\s+/);
      packages.push({ package: name!, ecosystem, version: version!, split, ...(debianPackage ? { debianPackage } : {}), entries: [] } as PackageLabels);
      continue;
    }
    const current = packages.at(-1);
    const [file, target, kindText] = line.split(/\s+/);
    if (!current || !file || !target || !kindText) {
      problems.push(`line ${index + 1}: cannot read "${line}"`);
      continue;
    }
    const [qualname, lineText] = target.split(/@L(?=\d+$)/);
    const absolute = path.join(packageRoot(current), file);
    if (!listed.has(absolute)) {
      try {
        listed.set(absolute, await unitsOfFile(absolute));
      } catch (error) {
        problems.push(`line ${index + 1}: ${(error as Error).message}`);
        listed.set(absolute, []);
      }
    }
    const candidates = listed.get(absolute)!.filter((unit) => unit.qualname === qualname && (!lineText || unit.startLine === Number(lineText)));
    if (candidates.length !== 1) {
      problems.push(`line ${index + 1}: ${current.package} ${file} ${target}: ${candidates.length} units match`);
      continue;
    }
    const parseKinds = (text: string): LabelEntry["kinds"] => text.split(",").map((kind) => designPatternKindSchema.parse(kind));
    const negative = kindText.startsWith("-");
    const kinds = negative ? [] : parseKinds(kindText);
    const looksLike = kindText.startsWith("-:") ? parseKinds(kindText.slice(2)) : undefined;
    const entry: LabelEntry = { path: file, qualname: qualname!, line: candidates[0]!.startLine, kinds, ...(looksLike ? { looksLike } : {}) };
    if (current.entries.some((other) => other.path === entry.path && other.line === entry.line && other.qualname === entry.qualname)) problems.push(`line ${index + 1}: labelled twice`);
    else current.entries.push(entry);
  }
  for (const labels of packages) {
    const parsed = packageLabelsSchema.parse(labels);
    const slug = parsed.package.replace(/^@/, "").replace(/[/.]/g, "-");
    writeFileSync(path.join(labelFolder, `${parsed.ecosystem}-${slug}.json`), `${JSON.stringify(parsed, null, 1)}\n`);
  }
  console.log(`${packages.length} packages, ${packages.reduce((sum, labels) => sum + labels.entries.length, 0)} units`);
  for (const problem of problems) console.log(problem);
  if (problems.length) process.exitCode = 1;
}

await main();
