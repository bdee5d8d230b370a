/**
 * Compares kind-classifier designs (designs.ts) on cached examples (cache-examples.ts --syntax),
 * evaluated as `npm run train:kinds` evaluates: thresholds per kind from out-of-fold scores with
 * whole packages left out (thresholds.ts: highest recall at precision ≥ the target, judged on the
 * units a threshold adds or, `--judge combined`, on rule OR model; each unlabelled unit given the
 * kind counted as `--background-penalty` false positives), combined as rules OR score ≥ threshold.
 * A second operating point uses cuts.ts (overall precision ≥ `--cut-target`, flood capped).
 *
 *   npx tsx scripts/kind-training/compare-designs.ts CACHE --designs lr:hand,lr:hand+syntax,knn:syntax
 *     [--halves]  train on one tune half, score the other (and back): for choosing designs
 *     [--held-out] A: tune → held-out;  [--grouped] B: grouped 5-fold over tune + held-out
 *     [--per-kind] the per-kind tables
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { DesignPatternKind } from "@/lib/domain";
import { readTuneHalves, tuneHalfOf, type Ecosystem } from "../../tests/bench/detector-eval/label-set";
import { chooseCuts, evaluateCuts, noCuts, type Cuts } from "./cuts";
import type { Example } from "./dataset";
import { trainerOf, viewExamples, type Trainer } from "./designs";
import { addCounts, backgroundRate, formatCounts, kindCounts } from "./report";
import { kinds, packageFolds, type Counts } from "./fit";
import { chooseThresholds, type ThresholdSettings } from "./thresholds";
import { numberOption, textOption } from "./options";

const cache = process.argv[2]!;
const lrSettings = { minPackages: 3, l2: numberOption("--l2", 0.01), backgroundWeight: 0.3, iterations: numberOption("--iterations", 200), learningRate: numberOption("--learning-rate", 1.5) };
const neighbourSettings = { minPackages: 3, k: numberOption("--k", 10), maxDocumentShare: numberOption("--max-share", 0.2), backgroundWeight: numberOption("--knn-background", 1) };
const judge = textOption("--judge", "added");
if (judge !== "added" && judge !== "combined") throw new Error(`--judge must be "added" or "combined", not "${judge}"`);
const thresholdSettings: ThresholdSettings = { targetPrecision: numberOption("--target-precision", 0.9), backgroundPenalty: numberOption("--background-penalty", 1), judge };
const innerFolds = numberOption("--inner-folds", 5);
const cutSettings = { targetPrecision: numberOption("--cut-target", 0.85), floodCap: 0.03, marginalPrecision: 0.6, removalRatio: 2, floodCost: 0.5, minimumRecall: 0.5, minimumPackages: 3 };
const perKind = process.argv.includes("--per-kind");

type Scored = Map<Example, number[]>;

function outOfFold(train: Trainer, examples: Example[], folds: number): Scored {
  const scored: Scored = new Map();
  for (const fold of packageFolds(examples, folds)) {
    const left = new Set(fold);
    const predictor = train(examples.filter((example) => !left.has(example.package)));
    for (const example of examples) if (left.has(example.package)) scored.set(example, predictor(example));
  }
  return scored;
}

/** Both operating points chosen on the training part's out-of-fold scores, then the test part scored. */
function trainAndScore(train: Trainer, training: Example[], testing: Example[]): { scored: Scored; thresholds: number[]; cuts: Cuts } {
  const predictor = train(training);
  const scored: Scored = new Map(testing.map((example) => [example, predictor(example)]));
  // --ranking-only: the score's ranking of the other part, no operating point (one fit, for choosing settings).
  if (process.argv.includes("--ranking-only")) return { scored, thresholds: kinds.map(() => 1.01), cuts: noCuts() };
  const inside = outOfFold(train, training, innerFolds);
  return { scored, thresholds: chooseThresholds(inside, thresholdSettings), cuts: chooseCuts(inside, cutSettings) };
}

/**
 * Average precision of each kind's score over the labelled units of a scored part, rules ignored:
 * how well the design alone ranks a kind's units above the rest (1: perfectly; the kind's base
 * rate: no better than chance).
 */
function averagePrecision(scored: Scored, k: number): number {
  const ranked = [...scored].filter(([example]) => example.labelled).sort((a, b) => b[1][k]! - a[1][k]!);
  const positives = ranked.filter(([example]) => example.kinds.has(kinds[k]!)).length;
  let seen = 0;
  let total = 0;
  ranked.forEach(([example], rank) => {
    if (!example.kinds.has(kinds[k]!)) return;
    seen++;
    total += seen / (rank + 1);
  });
  return positives === 0 ? Number.NaN : total / positives;
}

function rankingLine(scored: Scored): string {
  const values = kinds.map((_, k) => averagePrecision(scored, k));
  const known = values.filter((value) => !Number.isNaN(value));
  const mean = known.reduce((a, b) => a + b, 0) / Math.max(known.length, 1);
  return `  ranking (average precision of the score alone, labelled units): mean ${mean.toFixed(2)}${perKind ? `; ${kinds.map((kind, k) => `${kind} ${values[k]!.toFixed(2)}`).join(", ")}` : ""}`;
}

const ratio = (part: number, whole: number) => (whole === 0 ? "n/a" : (part / whole).toFixed(2));
const sum = (counts: readonly Counts[]) => counts.reduce((total, count) => ({ tp: total.tp + count.tp, fp: total.fp + count.fp, fn: total.fn + count.fn }), { tp: 0, fp: 0, fn: 0 });
const under = (counts: readonly Counts[]) => kinds.filter((_, k) => counts[k]!.tp + counts[k]!.fn > 0 && counts[k]!.tp / (counts[k]!.tp + counts[k]!.fn) < 0.5).length;
const line = (counts: readonly Counts[], flooded: number, units: number) => {
  const total = sum(counts);
  return `${ratio(total.tp, total.tp + total.fp)} / ${ratio(total.tp, total.tp + total.fn)} (${total.tp} tp, ${total.fp} fp; ${under(counts)} kinds < 0.5; flood ${flooded}/${units} = ${((100 * flooded) / Math.max(units, 1)).toFixed(1)} %)`;
};

/** Accumulated counts of one design over one or more scored parts. */
class Tally {
  rules = kinds.map(() => ({ tp: 0, fp: 0, fn: 0 }));
  thresholded = kinds.map(() => ({ tp: 0, fp: 0, fn: 0 }));
  cut = kinds.map(() => ({ tp: 0, fp: 0, fn: 0 }));
  flood = { units: 0, rules: 0, thresholded: 0, cut: 0 };
  scored: Scored = new Map();

  add(part: { scored: Scored; thresholds: number[]; cuts: Cuts }): void {
    const counts = kindCounts(part.scored, part.thresholds);
    const cut = evaluateCuts(part.scored, part.cuts);
    const rate = backgroundRate(part.scored, part.thresholds);
    for (const [example, scores] of part.scored) this.scored.set(example, scores);
    kinds.forEach((_, k) => {
      addCounts(this.rules[k]!, counts.rules[k]!);
      addCounts(this.thresholded[k]!, counts.combined[k]!);
      addCounts(this.cut[k]!, cut.counts[k]!);
    });
    this.flood = { units: this.flood.units + rate.units, rules: this.flood.rules + rate.rules, thresholded: this.flood.thresholded + rate.combined, cut: this.flood.cut + cut.flooded };
  }

  print(label: string, design: string): void {
    console.log(`${label} | ${design}`);
    console.log(`  rules alone                         ${line(this.rules, this.flood.rules, this.flood.units)}`);
    console.log(`  + thresholds as train:kinds chooses ${line(this.thresholded, this.flood.thresholded, this.flood.units)}`);
    console.log(`  + cuts at overall P ≥ ${cutSettings.targetPrecision}          ${line(this.cut, this.flood.cut, this.flood.units)}`);
    console.log(rankingLine(this.scored));
    if (!perKind) return;
    for (const row of formatCounts("  per kind, thresholds as train:kinds chooses", { rules: this.rules, combined: this.thresholded })) console.log(`  ${row}`);
    for (const row of formatCounts("  per kind, cuts", { rules: this.rules, combined: this.cut })) console.log(`  ${row}`);
  }
}

function describePart(part: { thresholds: number[]; cuts: Cuts }): string {
  const thresholds = kinds.map((kind, k) => (part.thresholds[k]! <= 1 ? `${kind} ${part.thresholds[k]}` : "")).filter(Boolean).join(", ") || "none";
  const cuts = kinds.map((kind, k) => (part.cuts.add[k]! <= 1 || part.cuts.remove[k]! > 0 ? `${kind} +${part.cuts.add[k]! <= 1 ? part.cuts.add[k] : "-"} −${part.cuts.remove[k] || "-"}` : "")).filter(Boolean).join(", ") || "none";
  return `    thresholds: ${thresholds}; cuts: ${cuts}`;
}

function run(design: string, examples: Example[]): void {
  // `lr@0.0001:syntax`: a design's own L2 (the syntax block, scaled to unit length, wants less).
  const [learnerAndL2, families] = design.split(":") as [string, string];
  const [learner, l2] = learnerAndL2.split("@") as [string, string | undefined];
  const view = viewExamples(examples, families, !process.argv.includes("--unscaled"));
  const train = trainerOf(learner, l2 === undefined ? lrSettings : { ...lrSettings, l2: Number(l2) }, neighbourSettings);
  const started = Date.now();
  const tune = view.filter((example) => example.split === "tune");
  if (process.argv.includes("--halves")) {
    const halves = readTuneHalves();
    const halfOf = (key: string) => tuneHalfOf({ ecosystem: key.slice(0, key.indexOf(":")) as Ecosystem, package: key.slice(key.indexOf(":") + 1) }, halves);
    for (const [from, to] of [["A", "B"], ["B", "A"]] as const) {
      const tally = new Tally();
      const part = trainAndScore(train, tune.filter((example) => halfOf(example.package) === from), tune.filter((example) => halfOf(example.package) === to));
      tally.add(part);
      tally.print(`half ${from} → half ${to}`, design);
      console.log(describePart(part));
    }
  }
  if (process.argv.includes("--unit-halves")) {
    // Contrast, not an estimate: tune's units dealt into two halves by a hash of their place, so
    // every package sits on both sides; what a design learns of a package's own idiom shows here.
    const sideOf = (example: Example) => createHash("sha1").update(example.origin).digest()[0]! % 2;
    const tally = new Tally();
    tally.add(trainAndScore(train, tune.filter((example) => sideOf(example) === 0), tune.filter((example) => sideOf(example) === 1)));
    tally.print("units of every tune package, half → half", design);
  }
  if (process.argv.includes("--held-out")) {
    const tally = new Tally();
    const part = trainAndScore(train, tune, view.filter((example) => example.split === "held-out"));
    tally.add(part);
    tally.print("A. tune → held-out", design);
    console.log(describePart(part));
  }
  if (process.argv.includes("--grouped")) {
    const tally = new Tally();
    for (const fold of packageFolds(view, 5)) {
      const left = new Set(fold);
      tally.add(trainAndScore(train, view.filter((example) => !left.has(example.package)), view.filter((example) => left.has(example.package))));
    }
    tally.print("B. grouped 5-fold over tune + held-out", design);
  }
  console.log(`  (${design}: ${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

const rows = JSON.parse(readFileSync(cache, "utf8")) as (Omit<Example, "kinds" | "heuristic" | "features"> & { kinds: DesignPatternKind[]; heuristic: DesignPatternKind[]; features: Record<string, number> })[];
const examples: Example[] = rows
  .filter((row) => row.split === "tune" || row.split === "held-out")
  .map((row) => ({ ...row, kinds: new Set(row.kinds), heuristic: new Set(row.heuristic), features: new Map(Object.entries(row.features)) }));
console.log(`${examples.length} examples; lr ${JSON.stringify(lrSettings)}; knn ${JSON.stringify(neighbourSettings)}; thresholds ${JSON.stringify(thresholdSettings)}, inner folds ${innerFolds}; cuts ${JSON.stringify(cutSettings)}`);
for (const design of textOption("--designs", "lr:hand").split(",")) run(design, examples);
