/**
 * How far two careful labellers agree: the ceiling the detectors are judged against, and a
 * check on the set's label noise (docs/detector-evaluation.md, "Session 13: how far two labellers agree").
 *
 *   npx tsx tests/bench/detector-eval/label-agreement.ts --sample [--size 160] [--seed 13] [--out /tmp/agreement-work.txt]
 *       draws a seeded, package-stratified sample of held-out and never-tuned units and writes, for each,
 *       ONLY its path, qualname, line and code (never its kinds), plus a notes template beside it (.notes)
 *   npx tsx tests/bench/detector-eval/label-agreement.ts --compare NOTES|labeller-2.json [--save]
 *       scores labeller 2 (the notes) against labeller 1 (the set): per kind P/R and Cohen's kappa, micro
 *       P/R over all 14 kinds and over the hidden set's 12, and every disagreement; --save writes the notes
 *       as tests/fixtures/labels/agreement/labeller-2.json
 *
 * No detector runs here: the code is listed with the unit finder only.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { z } from "zod";
import { designPatternKindSchema, designPatternKinds, type DesignPatternKind } from "@/lib/domain";
import { disagreements, kindAgreement, parseAgreementNotes, pooledAgreement, type KindAgreement, type NoteLine, type PairedUnit } from "./agreement-score";
import { sampleUnits, unitKeyOf, type SampledUnit } from "./agreement-sample";
import { packageKey, packageRoot, readLabelSet, type PackageLabels } from "./label-set";
import { unitsOfFile } from "./list-units";

const sampledSplits = ["held-out", "never-tuned"] as const;
/** The kinds the hidden set labels (it has no error-handling wrappers or database transactions). */
const hiddenSetKinds = designPatternKinds.filter((kind) => kind !== "error_handling_wrapper" && kind !== "db_transaction");
const savedFile = path.resolve(import.meta.dirname, "../../fixtures/labels/agreement/labeller-2.json");
const maxCodeLines = 150;

const savedSchema = z.object({
  note: z.string(),
  seed: z.number().int(),
  size: z.number().int().positive(),
  entries: z.array(z.object({ package: z.string(), path: z.string(), qualname: z.string(), line: z.number().int().positive(), kinds: z.array(designPatternKindSchema) })),
});

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

function readSecondLabels(file: string): NoteLine[] {
  if (!file.endsWith(".json")) return parseAgreementNotes(readFileSync(file, "utf8"));
  return savedSchema.parse(JSON.parse(readFileSync(file, "utf8"))).entries.map((entry) => ({ location: `${entry.package}:${entry.path}`, qualname: entry.qualname, line: entry.line, kinds: entry.kinds }));
}

const figure = (value: number | undefined) => (value === undefined ? " n/a" : value.toFixed(2));
const row = (name: string, agreement: KindAgreement) =>
  `| ${name} | ${agreement.tp + agreement.fn} | ${agreement.tp + agreement.fp} | ${agreement.tp} | ${figure(agreement.precision)} | ${figure(agreement.recall)} | ${figure(agreement.kappa)} |`;

function printComparison(paired: PairedUnit[], firstNotes: Map<string, string>): void {
  console.log(`${paired.length} units; labeller 1 = the set, labeller 2 = the notes (taken as predictions)\n`);
  console.log("| kind | labelled by 1 | labelled by 2 | both | P | R | kappa |\n|---|---|---|---|---|---|---|");
  for (const kind of designPatternKinds) console.log(row(kind, kindAgreement(paired, kind)));
  console.log(row("**all 14 kinds (micro)**", pooledAgreement(paired, designPatternKinds)));
  console.log(row("**hidden set's 12 kinds (micro)**", pooledAgreement(paired, hiddenSetKinds)));
  const exact = paired.length - disagreements(paired, designPatternKinds).length;
  console.log(`\nunits with the same kind set: ${exact} / ${paired.length}`);
  console.log(`\ndisagreements (labeller 1 → labeller 2):`);
  for (const unit of disagreements(paired, designPatternKinds)) {
    const kinds = (labels: readonly DesignPatternKind[]) => (labels.length ? labels.join(",") : "-");
    console.log(`${unit.key}  1: ${kinds(unit.first)}${firstNotes.get(unit.key) ?? ""}  2: ${kinds(unit.second)}`);
  }
}

function compare(packages: readonly PackageLabels[], sample: SampledUnit[], notesFile: string, save: boolean, seed: number): void {
  const second = new Map(readSecondLabels(notesFile).map((note) => [`${note.location}#${note.qualname}:${note.line}`, note]));
  const first = new Map<string, DesignPatternKind[]>();
  const firstNotes = new Map<string, string>();
  for (const labels of packages)
    for (const entry of labels.entries) {
      first.set(unitKeyOf(labels, entry), entry.kinds);
      if (entry.looksLike) firstNotes.set(unitKeyOf(labels, entry), ` (looks like ${entry.looksLike.join(",")})`);
    }
  const missing = sample.filter((unit) => !second.has(unit.key));
  if (missing.length) throw new Error(`the notes lack ${missing.length} sampled units, e.g. ${missing[0]!.key}`);
  const paired = sample.map((unit) => ({ key: unit.key, first: first.get(unit.key)!, second: second.get(unit.key)!.kinds }));
  printComparison(paired, firstNotes);
  if (!save) return;
  const entries = sample.map((unit) => ({ package: unit.packageKey, path: unit.path, qualname: unit.qualname, line: unit.line, kinds: second.get(unit.key)!.kinds }));
  const note = "A second labeller's kinds for a seeded sample of held-out and never-tuned units, written by reading the code without seeing the set's labels or running a detector (label-agreement.ts).";
  writeFileSync(savedFile, `${JSON.stringify({ note, seed, size: sample.length, entries }, null, 1)}\n`);
  console.log(`\nsaved ${entries.length} units → ${path.relative(process.cwd(), savedFile)}`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const seed = Number(option(args, "--seed", "13"));
  const size = Number(option(args, "--size", "160"));
  const packages = readLabelSet();
  const sample = sampleUnits(packages, { size, seed, splits: sampledSplits });
  if (args.includes("--sample")) return writeSample(packages, sample, option(args, "--out", "/tmp/agreement-work.txt"));
  const notesFile = option(args, "--compare", "");
  if (!notesFile) throw new Error("say --sample or --compare NOTES");
  compare(packages, sample, notesFile, args.includes("--save"), seed);
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) await main();
