/**
 * Compares kind-classifier designs on cached examples (scripts/kind-training/cache-examples.ts):
 * the tune halves (train on one, score the other, and back), and with --held-out the A figure
 * (tune → held-out) as an aggregate; --per-kind prints held-out per kind (a look).
 *   npx tsx scripts/kind-training/experiment.ts CACHE --model lr|trees [--held-out] [--per-kind]
 */
import { readTuneHalves, tuneHalfOf, type Ecosystem } from "../../tests/bench/detector-eval/label-set";
import { fitBoosted, predictBoosted, type BoostedSettings } from "./boosted-fit";
import { chooseCuts, evaluateCuts, noCuts, type CutSettings, type Cuts } from "./cuts";
import { readCachedExamples } from "./cached-examples";
import type { Example } from "./dataset";
import { fit, kinds, packageFolds, predict, type FitSettings } from "./fit";
import { numberOption, textOption } from "./options";


const cache = process.argv[2]!;
const model = textOption("--model", "trees");
const lrSettings: FitSettings = { minPackages: 3, l2: numberOption("--l2", 0.01), backgroundWeight: 0.3, iterations: numberOption("--iterations", 200), learningRate: 1.5 };
const treeSettings: BoostedSettings = {
  minPackages: numberOption("--min-packages", 3),
  backgroundWeight: numberOption("--background-weight", 0.3),
  rounds: numberOption("--rounds", 80),
  depth: numberOption("--depth", 3),
  learningRate: numberOption("--rate", 0.15),
  l2: numberOption("--tree-l2", 1),
  minChildWeight: numberOption("--min-child", 1),
  columnShare: numberOption("--columns", 0.5),
};
const cutSettings: CutSettings = {
  targetPrecision: numberOption("--target", 0.87),
  floodCap: numberOption("--flood-cap", 0.03),
  marginalPrecision: numberOption("--marginal", 0.6),
  removalRatio: numberOption("--removal-ratio", 2),
  floodCost: numberOption("--flood-cost", 0.5),
  minimumRecall: 0.5,
  minimumPackages: numberOption("--gain-packages", 3),
};
const folds = numberOption("--folds", 5);

type Predictor = (example: Example) => number[];
function train(examples: Example[]): Predictor {
  if (model === "lr") {
    const fitted = fit(examples, lrSettings);
    return (example) => predict(fitted, example);
  }
  const fitted = fitBoosted(examples, treeSettings);
  return (example) => predictBoosted(fitted, example);
}

function outOfFold(examples: Example[]): Map<Example, number[]> {
  const scored = new Map<Example, number[]>();
  for (const fold of packageFolds(examples, folds)) {
    const left = new Set(fold);
    const predictor = train(examples.filter((example) => !left.has(example.package)));
    for (const example of examples) if (left.has(example.package)) scored.set(example, predictor(example));
  }
  return scored;
}

const ratio = (part: number, whole: number) => (whole === 0 ? " n/a" : (part / whole).toFixed(2));

function summary(label: string, scored: Map<Example, number[]>, cuts: Cuts, perKind: boolean): void {
  const rules = evaluateCuts(scored, noCuts());
  const combined = evaluateCuts(scored, cuts);
  const sum = (counts: typeof rules.counts) => counts.reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
  const r = sum(rules.counts);
  const c = sum(combined.counts);
  const under = (counts: typeof rules.counts) => kinds.filter((_, k) => counts[k]!.tp + counts[k]!.fn > 0 && counts[k]!.tp / (counts[k]!.tp + counts[k]!.fn) < 0.5).length;
  console.log(`${label}: rules ${ratio(r.tp, r.tp + r.fp)} / ${ratio(r.tp, r.tp + r.fn)} (${r.tp} tp, ${r.fp} fp; ${under(rules.counts)} kinds < 0.5; flood ${((100 * rules.flooded) / rules.background).toFixed(1)} %) → combined ${ratio(c.tp, c.tp + c.fp)} / ${ratio(c.tp, c.tp + c.fn)} (${c.tp} tp, ${c.fp} fp; ${under(combined.counts)} kinds < 0.5; flood ${((100 * combined.flooded) / combined.background).toFixed(1)} %)`);
  if (!perKind) return;
  kinds.forEach((kind, k) => {
    const a = rules.counts[k]!;
    const b = combined.counts[k]!;
    console.log(`  ${kind.padEnd(24)} ${ratio(a.tp, a.tp + a.fp)} / ${ratio(a.tp, a.tp + a.fn)} (${a.tp}, ${a.fp}) → ${ratio(b.tp, b.tp + b.fp)} / ${ratio(b.tp, b.tp + b.fn)} (${b.tp}, ${b.fp})`);
  });
}

function describeCuts(cuts: Cuts): string {
  return kinds.map((kind, k) => (cuts.add[k]! <= 1 || cuts.remove[k]! > 0 ? `${kind} +${cuts.add[k]! <= 1 ? cuts.add[k] : "-"} −${cuts.remove[k] || "-"}` : "")).filter(Boolean).join(", ");
}

/** Trains on `training` with cuts from its out-of-fold probabilities; scores `scoring`. */
function trainAndScore(label: string, training: Example[], scoring: Example[], perKind: boolean): void {
  const started = Date.now();
  const inside = outOfFold(training);
  const cuts = chooseCuts(inside, cutSettings);
  summary(`${label} (inside, out-of-fold)`, inside, cuts, false);
  const predictor = train(training);
  const scored = new Map(scoring.map((example) => [example, predictor(example)]));
  summary(label, scored, cuts, perKind);
  console.log(`  cuts: ${describeCuts(cuts)} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

// --families s,lex,h keeps only the features of those families (the part of a name before its first colon).
const families = process.argv.includes("--families") ? new Set(textOption("--families", "").split(",")) : undefined;
const kept = (name: string) => !families || families.has(name.slice(0, name.indexOf(":")));
const examples: Example[] = readCachedExamples(cache, kept).filter((example) => example.split === "tune" || example.split === "held-out");
const tune = examples.filter((example) => example.split === "tune");
const halves = readTuneHalves();
const halfOf = (key: string) => tuneHalfOf({ ecosystem: key.slice(0, key.indexOf(":")) as Ecosystem, package: key.slice(key.indexOf(":") + 1) }, halves);
const inHalf = (which: "A" | "B") => tune.filter((example) => halfOf(example.package) === which);
console.log(`families ${families ? [...families].join(",") : "all"}; model ${model} ${JSON.stringify(model === "lr" ? lrSettings : treeSettings)}; cuts ${JSON.stringify(cutSettings)}; folds ${folds}`);
if (!process.argv.includes("--no-halves")) {
  trainAndScore("half A → half B", inHalf("A"), inHalf("B"), process.argv.includes("--halves-per-kind"));
  trainAndScore("half B → half A", inHalf("B"), inHalf("A"), process.argv.includes("--halves-per-kind"));
}
if (process.argv.includes("--held-out")) trainAndScore("A. tune → held-out", tune, examples.filter((example) => example.split === "held-out"), process.argv.includes("--per-kind"));
