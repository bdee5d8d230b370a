/**
 * Precision and recall of the design-pattern detectors on hand-labelled real code found on
 * this machine (Python standard library, Python site-packages, the repository's
 * node_modules). Labels: tests/fixtures/labels/design-patterns.json.
 *
 *   npx tsx tests/bench/evaluate-detectors.ts [--verbose]
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { extractFile } from "@/lib/extract/extract-file";
import { designPatternKinds, type CodeUnit, type DesignPatternKind } from "@/lib/domain";
import { detectLanguage } from "@/lib/extract/syntax-tree";

interface LabelEntry {
  path: string;
  qualname: string;
  kinds: DesignPatternKind[];
}

const repositoryRoot = path.resolve(import.meta.dirname, "../..");

function resolveRoots(): Record<string, string | undefined> {
  const python = (key: string): string | undefined => {
    try {
      return execFileSync("python3", ["-c", `import sysconfig; print(sysconfig.get_paths()["${key}"])`], { encoding: "utf8" }).trim();
    } catch {
      return undefined;
    }
  };
  return { "python-stdlib": python("stdlib"), "python-site": python("purelib"), node_modules: path.join(repositoryRoot, "node_modules") };
}

async function unitsOf(file: string): Promise<CodeUnit[]> {
  const language = detectLanguage(file);
  if (!language) throw new Error(`${file}: not a parsed language`);
  const extraction = await extractFile({ file, source: readFileSync(file, "utf8"), language });
  return extraction.units;
}

async function main(): Promise<void> {
  const verbose = process.argv.includes("--verbose");
  const labels = JSON.parse(readFileSync(path.join(repositoryRoot, "tests/fixtures/labels/design-patterns.json"), "utf8")) as { entries: LabelEntry[] };
  const roots = resolveRoots();
  const counts = new Map<DesignPatternKind, { tp: number; fp: number; fn: number }>(designPatternKinds.map((kind) => [kind, { tp: 0, fp: 0, fn: 0 }]));
  const cache = new Map<string, CodeUnit[]>();
  const missing: string[] = [];
  let evaluated = 0;
  for (const entry of labels.entries) {
    const [rootName, relative] = entry.path.split(/:(.*)/s) as [string, string];
    const root = roots[rootName];
    const file = root ? path.join(root, relative) : "";
    if (!root || !existsSync(file)) {
      missing.push(`${entry.path} (file not on this machine)`);
      continue;
    }
    if (!cache.has(file)) cache.set(file, await unitsOf(file));
    const units = cache.get(file)!.filter((unit) => unit.qualname === entry.qualname);
    if (units.length === 0) {
      missing.push(`${entry.path} ${entry.qualname} (unit not found)`);
      continue;
    }
    evaluated++;
    const detected = new Set(units.flatMap((unit) => unit.patterns.map((match) => match.kind)));
    const expected = new Set(entry.kinds);
    for (const kind of designPatternKinds) {
      const count = counts.get(kind)!;
      if (detected.has(kind) && expected.has(kind)) count.tp++;
      else if (detected.has(kind)) count.fp++;
      else if (expected.has(kind)) count.fn++;
    }
    const wrong = [...detected].filter((kind) => !expected.has(kind)).map((kind) => `+${kind}`).concat([...expected].filter((kind) => !detected.has(kind)).map((kind) => `-${kind}`));
    if (verbose && wrong.length) console.log(`  ${wrong.join(" ")}  ${entry.path} ${entry.qualname}`);
  }
  report(counts, evaluated, labels.entries.length, missing);
}

function ratio(part: number, whole: number): string {
  return whole === 0 ? "  n/a" : (part / whole).toFixed(2).padStart(5);
}

function report(counts: Map<DesignPatternKind, { tp: number; fp: number; fn: number }>, evaluated: number, total: number, missing: string[]): void {
  console.log(`labelled units evaluated: ${evaluated} of ${total}`);
  console.log(`${"kind".padEnd(24)}   tp   fp   fn  precision  recall`);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [kind, count] of counts) {
    tp += count.tp;
    fp += count.fp;
    fn += count.fn;
    const row = [count.tp, count.fp, count.fn].map((value) => String(value).padStart(4)).join(" ");
    console.log(`${kind.padEnd(24)} ${row}      ${ratio(count.tp, count.tp + count.fp)}   ${ratio(count.tp, count.tp + count.fn)}`);
  }
  const row = [tp, fp, fn].map((value) => String(value).padStart(4)).join(" ");
  console.log(`${"overall (micro)".padEnd(24)} ${row}      ${ratio(tp, tp + fp)}   ${ratio(tp, tp + fn)}`);
  for (const line of missing) console.log(`not evaluated: ${line}`);
}

await main();
