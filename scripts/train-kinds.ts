/**
 * Trains Motif's learned kind classifier (lib/extract/kind-model) on the labelled development
 * set and says how well it carries to packages it never saw. Never-tuned and the blind splits'
 * packages are not read here at all (only tune and held-out): the coordinator scores them once with
 * `npm run bench:detectors -- --set dev --split never-tuned|blind-13|blind-14`.
 *
 *   npm run train:kinds                   evaluate A, train the shipped model on tune + held-out and write
 *                                         lib/extract/kind-model/data/kind-model.json, then evaluate B (A, B below)
 *   npm run train:kinds -- --evaluate     evaluate only (writes nothing)
 *   npm run train:kinds -- --tune-only    leave-one-package-out inside tune only (for choosing settings)
 *   options: --l2 N --background-weight N --min-packages N --target-precision N --background-penalty N
 *   (an unlabelled unit given a kind counts as N false positives when thresholds are chosen)
 *   --judge added|combined: a threshold is judged by the precision of the units it adds to the rule's
 *   (default), or of rule and model together (sessions 8–13; kind-training/thresholds.ts says why it changed)
 *
 * A. tune → held-out: thresholds from leave-one-package-out probabilities inside tune, model
 *    trained on tune, scored on held-out. B. grouped 5-fold over tune + held-out packages
 *    (thresholds chosen by an inner grouped 5-fold on each training part). Method and figures:
 *    docs/detector-evaluation.md.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { KindModelData } from "@/lib/domain";
import { readLabelSet } from "../tests/bench/detector-eval/label-set";
import { packageExamples, type Example } from "./kind-training/dataset";
import { fit, kinds, outOfFold, packageFolds, predict, type FitSettings } from "./kind-training/fit";
import { chooseThresholds, type ThresholdSettings } from "./kind-training/thresholds";
import { addCounts, backgroundRate, formatCounts, kindCounts } from "./kind-training/report";
import { numberOption, textOption } from "./kind-training/options";

const output = path.resolve(import.meta.dirname, "../lib/extract/kind-model/data/kind-model.json");


const settings: FitSettings = {
  minPackages: numberOption("--min-packages", 3),
  l2: numberOption("--l2", 0.01),
  backgroundWeight: numberOption("--background-weight", 0.3),
  iterations: numberOption("--iterations", 200),
  learningRate: numberOption("--learning-rate", 1.5),
};
// Folds of tune packages for choosing A's thresholds: default one per package (leave-one-package-out).
const innerFolds = numberOption("--inner-folds", Number.MAX_SAFE_INTEGER);
const judge = textOption("--judge", "added");
if (judge !== "added" && judge !== "combined") throw new Error(`--judge must be "added" or "combined", not "${judge}"`);
const thresholdSettings: ThresholdSettings = {
  targetPrecision: numberOption("--target-precision", 0.9),
  // Counts each unlabelled unit given a kind as this fraction of a false positive when choosing thresholds.
  backgroundPenalty: numberOption("--background-penalty", 0),
  judge,
};

function describe(name: string, examples: Example[]): string {
  const labelled = examples.filter((example) => example.labelled).length;
  return `${name}: ${new Set(examples.map((example) => example.package)).size} packages, ${labelled} labelled units, ${examples.length - labelled} background units`;
}

function printRate(scored: Map<Example, number[]>, thresholds: readonly number[]): void {
  const { units, rules, combined } = backgroundRate(scored, thresholds);
  const share = (count: number) => `${((100 * count) / Math.max(units, 1)).toFixed(1)} %`;
  console.log(`unlabelled units of the same files given some kind: rules ${share(rules)} (${rules}/${units}), rules + classifier ${share(combined)} (${combined}/${units})`);
}

/** A: thresholds by leave-one-package-out inside tune; the tune-trained model scored on held-out. */
function tuneToHeldOut(tune: Example[], heldOut: Example[]): void {
  const insideTune = outOfFold(tune, packageFolds(tune, innerFolds), settings);
  const thresholds = chooseThresholds(insideTune, thresholdSettings);
  console.log(`thresholds (${innerFolds >= tune.length ? "leave-one-package-out" : `grouped ${innerFolds}-fold`} inside tune): ${kinds.map((kind, index) => `${kind} ${thresholds[index]}`).join(", ")}`);
  for (const line of formatCounts("tune, out-of-fold probabilities (the thresholds were chosen on these: optimistic)", kindCounts(insideTune, thresholds))) console.log(line);
  printRate(insideTune, thresholds);
  if (heldOut.length === 0) return;
  const fitted = fit(tune, settings);
  const scored = new Map(heldOut.map((example) => [example, predict(fitted, example)]));
  console.log("");
  for (const line of formatCounts("A. held-out packages, model and thresholds from tune only", kindCounts(scored, thresholds))) console.log(line);
  printRate(scored, thresholds);
}

/** B: grouped 5-fold over all given packages, thresholds chosen inside each training part. */
function groupedFolds(examples: Example[]): void {
  const total = { rules: kinds.map(() => ({ tp: 0, fp: 0, fn: 0 })), combined: kinds.map(() => ({ tp: 0, fp: 0, fn: 0 })) };
  let background = { units: 0, rules: 0, combined: 0 };
  for (const fold of packageFolds(examples, 5)) {
    const left = new Set(fold);
    const training = examples.filter((example) => !left.has(example.package));
    const thresholds = chooseThresholds(outOfFold(training, packageFolds(training, 5), settings), thresholdSettings);
    const fitted = fit(training, settings);
    const scored = new Map(examples.filter((example) => left.has(example.package)).map((example) => [example, predict(fitted, example)]));
    const counts = kindCounts(scored, thresholds);
    kinds.forEach((_, index) => {
      addCounts(total.rules[index]!, counts.rules[index]!);
      addCounts(total.combined[index]!, counts.combined[index]!);
    });
    const rate = backgroundRate(scored, thresholds);
    background = { units: background.units + rate.units, rules: background.rules + rate.rules, combined: background.combined + rate.combined };
  }
  for (const line of formatCounts("B. grouped 5-fold over tune + held-out packages (each fold leaves whole packages out)", total)) console.log(line);
  console.log(`unlabelled units given some kind: rules ${background.rules}/${background.units}, rules + classifier ${background.combined}/${background.units}`);
}

function ship(examples: Example[]): void {
  const thresholds = chooseThresholds(outOfFold(examples, packageFolds(examples, 10), settings), thresholdSettings);
  const fitted = fit(examples, settings);
  const weights: Record<string, number[]> = {};
  for (const [name, index] of fitted.vocabulary) {
    const row = kinds.map((_, kindIndex) => Math.round(fitted.model.weights[index * kinds.length + kindIndex]! * 1e4) / 1e4);
    if (row.some((weight) => Math.abs(weight) >= 0.005)) weights[name] = row;
  }
  const data: KindModelData = {
    generatedBy: "scripts/train-kinds.ts (npm run train:kinds); do not edit",
    trainedOn: {
      packages: [...new Set(examples.map((example) => example.package))].sort(),
      labelledUnits: examples.filter((example) => example.labelled).length,
      backgroundUnits: examples.filter((example) => !example.labelled).length,
      thresholds: `highest recall at out-of-fold precision >= ${thresholdSettings.targetPrecision} of the ${judge === "added" ? "units a threshold adds to the rule's" : "rule and model together"}, background penalty ${thresholdSettings.backgroundPenalty} (grouped 10-fold over these packages); settings ${JSON.stringify(settings)}`,
    },
    kinds: [...kinds],
    thresholds,
    biases: [...fitted.model.biases].map((bias) => Math.round(bias * 1e4) / 1e4),
    weights,
  };
  writeFileSync(output, `${JSON.stringify(data, null, 1)}\n`);
  console.log(`wrote ${path.relative(process.cwd(), output)}: ${Object.keys(weights).length} features; thresholds ${kinds.map((kind, index) => `${kind} ${thresholds[index]}`).join(", ")}`);
}

async function main(): Promise<void> {
  const started = Date.now();
  const missing: string[] = [];
  // Only tune and held-out are read: never-tuned and any blind split are scored once, by others.
  const labelSet = readLabelSet().filter((labels) => labels.split === "tune" || labels.split === "held-out");
  const examples: Example[] = [];
  for (const labels of labelSet) examples.push(...(await packageExamples(labels, missing)));
  for (const line of missing) console.log(`not found: ${line}`);
  const tune = examples.filter((example) => example.split === "tune");
  const heldOut = examples.filter((example) => example.split === "held-out");
  console.log(`${describe("tune", tune)}; ${describe("held-out", heldOut)}; settings ${JSON.stringify(settings)}, thresholds ${JSON.stringify(thresholdSettings)} (features read in ${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  if (process.argv.includes("--tune-only")) return tuneToHeldOut(tune, []);
  tuneToHeldOut(tune, heldOut);
  console.log("");
  // The shipped model is written before B, the longest part (30 fits), so it is on disk early.
  if (!process.argv.includes("--evaluate")) ship(examples);
  console.log("");
  groupedFolds(examples);
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

await main();
