/**
 * How far two careful labellers agree: the ceiling the detectors are judged against, and a
 * check on the set's label noise (docs/detector-evaluation.md, "Session 13: how far two labellers agree").
 *
 *   npx tsx tests/bench/detector-eval/label-agreement.ts --sample [--size 160] [--seed 13] [--out /tmp/agreement-work.txt]
 *       draws a seeded, package-stratified sample of held-out and never-tuned units and writes, for each,
 *       ONLY its path, qualname, line and code (never its kinds), plus a notes template beside it (.notes)
 *   npx tsx tests/bench/detector-eval/label-agreement.ts --compare tests/fixtures/labels/agreement/labeller-2.txt
 *       scores labeller 2 (the notes) against labeller 1 (the set): per kind P/R and Cohen's kappa, micro
 *       P/R over all 14 kinds and over the hidden set's 12, and every disagreement
 *
 * No detector runs here: the code is listed with the unit finder only.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { designPatternKinds, type DesignPatternKind } from "@/lib/domain";
import { disagreements, kindAgreement, parseAgreementNotes, pooledAgreement, wilsonInterval, type KindAgreement, type PairedUnit } from "./agreement-score";
import { sampleUnits, unitKeyOf, type SampledUnit } from "./agreement-sample";
import { packageKey, packageRoot, readLabelSet, type PackageLabels } from "./label-set";
import { unitsOfFile } from "./list-units";

const sampledSplits = ["held-out", "never-tuned"] as const;
/** The kinds the hidden set labels (it has no error-handling wrappers or database transactions). */
const hiddenSetKinds = designPatternKinds.filter((kind) => kind !== "error_handling_wrapper" && kind !== "db_transaction");
const maxCodeLines = 150;

function option(args: string[], name: string, fallback: string): string {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] ? args[at + 1]! : fallback;
}

function packageOf(packages: readonly PackageLabels[], unit: SampledUnit): PackageLabels {
  return packages.find((labels) => packageKey(labels) === unit.packageKey)!;
}

async function writeSample(packages: readonly PackageLabels[], sample: SampledUnit[], out: string): Promise<void> {
  const blocks: string[] = [];
  const notes: string[] = ["# <ecosystem:package>:<path> <qualname> <line> <kinds, comma-separated, or - for none>"];
  for (const unit of sample) {
    const file = path.join(packageRoot(packageOf(packages, unit)), unit.path);
    const found = (await unitsOfFile(file)).find((listed) => listed.qualname === unit.qualname && listed.startLine === unit.line);
    const code = found ? found.code.split("\n") : ["(unit not found by the unit finder)"];
    const shown = code.length > maxCodeLines ? [...code.slice(0, maxCodeLines), `… ${code.length - maxCodeLines} more lines (read the file)`] : code;
    blocks.push(`==== ${unit.packageKey}:${unit.path} ${unit.qualname} ${unit.line}\n# file: ${file}\n${shown.join("\n")}\n`);
    notes.push(`${unit.packageKey}:${unit.path} ${unit.qualname} ${unit.line} ?`);
  }
  writeFileSync(out, blocks.join("\n"));
  writeFileSync(`${out}.notes`, `${notes.join("\n")}\n`);
  console.log(`${sample.length} units from ${new Set(sample.map((unit) => unit.packageKey)).size} packages → ${out} (notes template: ${out}.notes)`);
}

const figure = (value: number | undefined) => (value === undefined ? " n/a" : value.toFixed(2));
const row = (name: string, agreement: KindAgreement) =>
  `| ${name} | ${agreement.tp + agreement.fn} | ${agreement.tp + agreement.fp} | ${agreement.tp} | ${figure(agreement.precision)} | ${figure(agreement.recall)} | ${figure(agreement.kappa)} |`;

const interval = (hits: number, total: number) => {
  const bounds = wilsonInterval(hits, total);
  return bounds ? `${bounds[0].toFixed(2)}-${bounds[1].toFixed(2)}` : "n/a";
};

function printPooled(name: string, paired: readonly PairedUnit[]): void {
  const pooled = pooledAgreement(paired, hiddenSetKinds);
  console.log(
    `${name}: ${paired.length} units, P ${figure(pooled.precision)} (95 % ${interval(pooled.tp, pooled.tp + pooled.fp)}), R ${figure(pooled.recall)} (95 % ${interval(pooled.tp, pooled.tp + pooled.fn)}), kappa ${figure(pooled.kappa)}`,
  );
}

function printComparison(paired: PairedUnit[], firstNotes: Map<string, string>, splitOf: Map<string, string>): void {
  console.log(`${paired.length} units; labeller 1 = the set, labeller 2 = the notes (taken as predictions)\n`);
  console.log("| kind | labelled by 1 | labelled by 2 | both | P | R | kappa |\n|---|---|---|---|---|---|---|");
  for (const kind of designPatternKinds) console.log(row(kind, kindAgreement(paired, kind)));
  console.log(row("**all 14 kinds (micro)**", pooledAgreement(paired, designPatternKinds)));
  console.log(row("**hidden set's 12 kinds (micro)**", pooledAgreement(paired, hiddenSetKinds)));
  console.log("\nover the hidden set's 12 kinds, with Wilson 95 % intervals:");
  printPooled("all", paired);
  for (const split of sampledSplits) printPooled(split, paired.filter((unit) => splitOf.get(unit.key) === split));
  const exact = paired.length - disagreements(paired, designPatternKinds).length;
  console.log(`\nunits with the same kind set: ${exact} / ${paired.length}`);
  console.log(`\ndisagreements (labeller 1 → labeller 2):`);
  for (const unit of disagreements(paired, designPatternKinds)) {
    const kinds = (labels: readonly DesignPatternKind[]) => (labels.length ? labels.join(",") : "-");
    console.log(`${unit.key}  1: ${kinds(unit.first)}${firstNotes.get(unit.key) ?? ""}  2: ${kinds(unit.second)}`);
  }
}

// Scores the units the notes name (the committed record), so a later change to the set's sampling cannot shift them.
function compare(packages: readonly PackageLabels[], notesFile: string): void {
  const notes = parseAgreementNotes(readFileSync(notesFile, "utf8"));
  const first = new Map<string, DesignPatternKind[]>();
  const firstNotes = new Map<string, string>();
  const splitOf = new Map<string, string>();
  for (const labels of packages)
    for (const entry of labels.entries) {
      first.set(unitKeyOf(labels, entry), entry.kinds);
      splitOf.set(unitKeyOf(labels, entry), labels.split);
      if (entry.looksLike) firstNotes.set(unitKeyOf(labels, entry), ` (looks like ${entry.looksLike.join(",")})`);
    }
  const keyOf = (note: (typeof notes)[number]) => `${note.location}#${note.qualname}:${note.line}`;
  const unknown = notes.filter((note) => !first.has(keyOf(note)));
  if (unknown.length) throw new Error(`${unknown.length} noted units are not in the set, e.g. ${keyOf(unknown[0]!)}`);
  printComparison(
    notes.map((note) => ({ key: keyOf(note), first: first.get(keyOf(note))!, second: note.kinds })),
    firstNotes,
    splitOf,
  );
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const seed = Number(option(args, "--seed", "13"));
  const size = Number(option(args, "--size", "160"));
  const packages = readLabelSet();
  if (args.includes("--sample")) return writeSample(packages, sampleUnits(packages, { size, seed, splits: sampledSplits }), option(args, "--out", "/tmp/agreement-work.txt"));
  const notesFile = option(args, "--compare", "");
  if (!notesFile) throw new Error("say --sample or --compare NOTES");
  compare(packages, notesFile);
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) await main();
