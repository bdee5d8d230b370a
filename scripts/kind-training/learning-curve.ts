/**
 * Learning curves and ceilings of the learned kind design (docs/detector-evaluation.md, "Session 14:
 * learning curves and ceilings"): can more labelled packages, or any cut of the model's
 * probabilities, reach the issue's bar on packages the model never saw?
 *
 *   npx tsx scripts/kind-training/cache-examples.ts /tmp/examples.json
 *   npx tsx scripts/kind-training/learning-curve.ts /tmp/examples.json [--seeds 3] [--sizes 8,16,24,32,40,1000]
 *       [--model lr|trees] [--outer-folds 5] [--inner-folds 5] [--save DIR | --load DIR] [--blind /tmp/blind13.json]
 *
 * Per seed the tune + held-out packages are dealt at random into outer folds; each fold is scored by
 * models trained on k packages of the others (the first k of a random order, so sizes nest), with cuts
 * chosen inside those k packages only. Left-out figures are kept apart by origin: a tune package's
 * rules were read from it (the `h:` features are in-sample there), a held-out package's were not.
 * The oracle and signal figures are optimistic bounds for the argument only. `--blind` also trains on
 * every tune + held-out package and scores blind-13 in aggregate (counts per kind, no unit printed).
 */
import { mkdirSync } from "node:fs";
import type { CutSettings } from "./cuts";
import { readCachedExamples } from "./cached-examples";
import { crossFittedOracle, oracleCeilings } from "./ceilings";
import { barKinds, ofOrigin, origins, summarise, type Origin, type Tally } from "./curve-counts";
import { logFit, saturatingFit, type CurvePoint } from "./curve-fit";
import { loadSeeds, saveSeed } from "./curve-results";
import { runSeed, standardPolicies, type SeedResult, type Trainer } from "./curve-run";
import { printBlind, printCeilings } from "./curve-ceilings-report";
import { fitBoosted, predictBoosted, type BoostedSettings } from "./boosted-fit";
import { fit, kinds, predict, type FitSettings } from "./fit";
import { numberOption, textOption } from "./options";

const cache = process.argv[2]!;
const seeds = numberOption("--seeds", 3);
const seedBase = numberOption("--seed-base", 1);
const sizes = textOption("--sizes", "8,16,24,32,40,1000").split(",").map(Number);
const model = textOption("--model", "lr");
const lrSettings: FitSettings = { minPackages: 3, l2: 0.01, backgroundWeight: 0.3, iterations: numberOption("--iterations", 200), learningRate: 1.5 };
const treeSettings: BoostedSettings = { minPackages: 3, backgroundWeight: 0.3, rounds: 80, depth: 3, learningRate: 0.15, l2: 1, minChildWeight: 1, columnShare: 0.5 };
// Session 13's cuts as `experiment.ts` runs them by default (gains from at least 3 packages).
const cutSettings: CutSettings = { targetPrecision: 0.87, floodCap: 0.03, marginalPrecision: 0.6, removalRatio: 2, floodCost: 0.5, minimumRecall: 0.5, minimumPackages: 3 };
const train: Trainer =
  model === "trees"
    ? (examples) => {
        const fitted = fitBoosted(examples, treeSettings);
        return (example) => predictBoosted(fitted, example);
      }
    : (examples) => {
        const fitted = fit(examples, lrSettings);
        return (example) => predict(fitted, example);
      };
const allPolicies = standardPolicies(cutSettings);
const fixed = (value: number) => value.toFixed(2);

const examples = readCachedExamples(cache).filter((example) => example.split === "tune" || example.split === "held-out");
const packageCount = new Set(examples.map((example) => example.package)).size;
const outerFolds = numberOption("--outer-folds", 5);
const innerFolds = numberOption("--inner-folds", 5);
console.log(`${examples.length} examples, ${packageCount} packages; model ${model}; ${seeds} seeds from ${seedBase}; sizes ${sizes.join(", ")}; outer ${outerFolds} folds, inner ${innerFolds}`);

const started = Date.now();
const results: SeedResult[] = [];
// --save DIR keeps each finished seed; --load DIR reports every seed saved there (with --seeds 0: no new run).
const saveFolder = process.argv.includes("--save") ? textOption("--save", "") : undefined;
if (saveFolder) mkdirSync(saveFolder, { recursive: true });
for (let seed = seedBase; seed < seedBase + seeds; seed++) {
  const result = runSeed({ examples, seed, sizes, outerFolds, innerFolds, train, policies: allPolicies, log: (line) => console.error(`${line} (${((Date.now() - started) / 1000).toFixed(0)} s in all)`) });
  if (saveFolder) saveSeed(saveFolder, seed, result, examples);
  else results.push(result);
}
if (saveFolder || process.argv.includes("--load")) results.push(...loadSeeds(saveFolder ?? textOption("--load", ""), examples));
// Saved seeds hold the policies of the code that ran them: report those every seed has.
const policies = allPolicies.filter((policy) => results.every((result) => result.tallies.get(sizes[0]!)?.has(policy.name)));
// A size past the other folds' packages means all of them: report it as their mean count.
const trainingPackages = (size: number) => Math.min(size, Math.round((packageCount * (outerFolds - 1)) / outerFolds));

function tallyOf(result: SeedResult, size: number, policy: string, origin: Origin): Tally {
  return result.tallies.get(size)!.get(policy)![origin];
}

function curveTable(origin: Origin): void {
  console.log(`\n### Left-out packages of origin "${origin}": micro P / R over the 12 kinds, mean over seeds [min–max of R]; kinds < 0.5; flood; kinds given a cut (sum over folds, mean over seeds)`);
  console.log(`| policy | ${sizes.map((size) => `k = ${trainingPackages(size)}`).join(" | ")} |`);
  console.log(`|---|${sizes.map(() => "---").join("|")}|`);
  for (const policy of policies) {
    const cells = sizes.map((size) => {
      const summaries = results.map((result) => summarise(tallyOf(result, size, policy.name, origin)));
      const mean = (pick: (summary: (typeof summaries)[number]) => number) => summaries.reduce((sum, summary) => sum + pick(summary), 0) / summaries.length;
      const recalls = summaries.map((summary) => summary.recall);
      const cut = results.reduce((sum, result) => sum + result.kindsCut.get(size)!.get(policy.name)!, 0) / results.length;
      return `${fixed(mean((s) => s.precision))} / ${fixed(mean((s) => s.recall))} [${fixed(Math.min(...recalls))}–${fixed(Math.max(...recalls))}]; ${mean((s) => s.under).toFixed(1)}; ${(100 * mean((s) => s.flood)).toFixed(1)} %; ${cut.toFixed(1)}`;
    });
    console.log(`| ${policy.name} | ${cells.join(" | ")} |`);
  }
}

function perKindTable(origin: Origin, policy: string): void {
  console.log(`\n### Per-kind recall, origin "${origin}", ${policy} (counts summed over seeds: tp / positives)`);
  console.log(`| kind | ${sizes.map((size) => `k = ${trainingPackages(size)}`).join(" | ")} |`);
  console.log(`|---|${sizes.map(() => "---").join("|")}|`);
  for (const kind of barKinds) {
    const cells = sizes.map((size) => {
      let tp = 0;
      let positives = 0;
      for (const result of results) {
        const count = tallyOf(result, size, policy, origin).counts[kinds.indexOf(kind)]!;
        tp += count.tp;
        positives += count.tp + count.fn;
      }
      return positives === 0 ? "n/a" : `${fixed(tp / positives)} (${tp}/${positives})`;
    });
    console.log(`| ${kind} | ${cells.join(" | ")} |`);
  }
}

/** The oracle (cuts chosen on the left-out packages themselves, micro P ≥ 0.85) at each size: optimistic, for the argument only. */
function oracleCurve(origin: Origin): void {
  console.log(`\n### Oracle recall at micro P ≥ 0.85 against k, origin "${origin}" (cuts chosen on the scored packages: optimistic); mean over seeds [min–max]; kinds < 0.5`);
  const points: CurvePoint[] = [];
  const cells = sizes.map((size) => {
    const oracles = results.map((result) => oracleCeilings(ofOrigin(result.scored.get(size)!, origin), 0.85).micro);
    const recalls = oracles.map((oracle) => oracle.total.tp / Math.max(oracle.total.tp + oracle.total.fn, 1));
    recalls.forEach((recall) => points.push({ size: trainingPackages(size), recall }));
    const under = oracles.map((oracle) => oracle.perKind.filter((count) => count.tp + count.fn > 0 && count.tp / (count.tp + count.fn) < 0.5).length);
    return `k = ${trainingPackages(size)}: ${fixed(recalls.reduce((sum, recall) => sum + recall, 0) / recalls.length)} [${fixed(Math.min(...recalls))}–${fixed(Math.max(...recalls))}]; ${(under.reduce((sum, count) => sum + count, 0) / under.length).toFixed(1)}`;
  });
  console.log(cells.join(" | "));
  const crossed = sizes.map((size) => {
    const oracles = results.map((result, index) => crossFittedOracle(ofOrigin(result.scored.get(size)!, origin), 0.85, 5, 14 + index).total);
    const recall = oracles.reduce((total, count) => total + count.tp / Math.max(count.tp + count.fn, 1), 0) / oracles.length;
    const precision = oracles.reduce((total, count) => total + count.tp / Math.max(count.tp + count.fp, 1), 0) / oracles.length;
    return `k = ${trainingPackages(size)}: ${fixed(precision)} / ${fixed(recall)}`;
  });
  console.log(`chosen on one half of these packages, counted on the other (P / R, mean over seeds): ${crossed.join(" | ")}`);
  const log = logFit(points, 0.7);
  const size = (value: number) => (Number.isFinite(value) ? value.toFixed(0) : "never (slope ≤ 0)");
  console.log(`oracle: R = ${log.intercept.toFixed(3)} + ${log.slope.toFixed(4)} ± ${log.slopeError.toFixed(4)} · ln k → R 0.70 at k ≈ ${size(log.needed)} (${size(log.neededLow)} … ${size(log.neededHigh)}); levels off at c = ${saturatingFit(points).level.toFixed(3)}`);
}

function fits(origin: Origin): void {
  console.log(`\n### Fits of recall against k, origin "${origin}" (every seed's point; k = training packages)`);
  for (const policy of policies) {
    const points: CurvePoint[] = results.flatMap((result) => sizes.map((size) => ({ size: trainingPackages(size), recall: summarise(tallyOf(result, size, policy.name, origin)).recall })));
    const log = logFit(points, 0.7);
    const level = saturatingFit(points);
    const size = (value: number) => (Number.isFinite(value) ? value.toFixed(0) : "never (slope ≤ 0)");
    console.log(`${policy.name}: R = ${log.intercept.toFixed(3)} + ${log.slope.toFixed(4)} ± ${log.slopeError.toFixed(4)} · ln k → R 0.70 at k ≈ ${size(log.needed)} (slope ± 1.96 se: ${size(log.neededLow)} … ${size(log.neededHigh)}); R = c − d/√k levels off at c = ${level.level.toFixed(3)} ± ${level.levelError.toFixed(3)}`);
  }
}

for (const origin of origins) curveTable(origin);
for (const origin of ["held-out", "all"] as const) for (const policy of policies.slice(1)) perKindTable(origin, policy.name);
perKindTable("held-out", policies[0]!.name);
for (const origin of origins) fits(origin);
for (const origin of ["held-out", "all"] as const) oracleCurve(origin);
printCeilings(results, 0.85);
console.error(`curves done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
if (process.argv.includes("--blind")) printBlind({ file: textOption("--blind", ""), examples, train, policies: allPolicies, innerFolds });
