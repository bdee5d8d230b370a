/**
 * One seed of the learning curve: the packages dealt at random into outer folds; for each fold,
 * models trained on the first k packages of a random order of the other folds' packages, their
 * cuts chosen inside those k packages (out-of-fold, as `train:kinds` does), and scored on the fold.
 */
import { seededRandom, shuffled } from "../../tests/bench/support/seeded-random";
import { chooseCuts, noCuts, type CutSettings, type Cuts } from "./cuts";
import { addToTally, emptyTally, ofOrigin, origins, type Origin, type Tally } from "./curve-counts";
import type { Example } from "./dataset";
import { packageFolds } from "./fit";
import { chooseThresholds } from "./thresholds";

/** Trains a model on examples and returns its per-kind probabilities for any example. */
export type Trainer = (examples: readonly Example[]) => (example: Example) => number[];

/** How the model's probabilities become verdicts, chosen on out-of-fold probabilities inside the training packages. */
export interface Policy {
  name: string;
  choose: (inside: Map<Example, number[]>) => Cuts;
}

/**
 * The policies measured: the rules alone, `train:kinds`' thresholds as sessions 8–13 shipped them (judged
 * by rule OR model), as session 14 judges them (by the units they add), and at 0.85 without the flood
 * penalty, and session 13's cuts.
 */
export function standardPolicies(cutSettings: CutSettings): Policy[] {
  const thresholds = (target: number, penalty: number) => (inside: Map<Example, number[]>) => ({ add: chooseThresholds(inside, { targetPrecision: target, backgroundPenalty: penalty, judge: "combined" }), remove: noCuts().remove });
  return [
    { name: "rules alone", choose: () => noCuts() },
    { name: "thresholds P>=0.90, penalty 1 (shipped)", choose: thresholds(0.9, 1) },
    { name: "thresholds judged by additions, P>=0.90, penalty 1 (session 14)", choose: (inside) => ({ add: chooseThresholds(inside, { targetPrecision: 0.9, backgroundPenalty: 1, judge: "added" }), remove: noCuts().remove }) },
    { name: "thresholds P>=0.85, penalty 0", choose: thresholds(0.85, 0) },
    { name: "cuts (session 13 v2, target 0.87)", choose: (inside) => chooseCuts(inside, cutSettings) },
  ];
}

/** What one seed gives: per training size and policy, the tallies on left-out packages by origin; and per size the pooled left-out probabilities. */
export interface SeedResult {
  tallies: Map<number, Map<string, Record<Origin, Tally>>>;
  /** Kinds given a threshold or cut by each policy, summed over folds, per size. */
  kindsCut: Map<number, Map<string, number>>;
  /** Per size, each left-out example's probabilities from the model of its fold. */
  scored: Map<number, Map<Example, number[]>>;
}

/** The pooled left-out probabilities of the largest training size. */
export function largestScored(result: SeedResult): Map<Example, number[]> {
  return result.scored.get(Math.max(...result.scored.keys()))!;
}

/** Options of one seed's run. */
export interface SeedRun {
  examples: readonly Example[];
  seed: number;
  /** Training sizes in packages; a size past what the other folds hold means "all of them". */
  sizes: readonly number[];
  outerFolds: number;
  innerFolds: number;
  train: Trainer;
  policies: readonly Policy[];
  log?: (line: string) => void;
}

/** Runs one seed (deterministic for a seed). */
export function runSeed(run: SeedRun): SeedResult {
  const random = seededRandom(run.seed);
  const packages = shuffled([...new Set(run.examples.map((example) => example.package))].sort(), random);
  const result: SeedResult = { tallies: new Map(), kindsCut: new Map(), scored: new Map(run.sizes.map((size) => [size, new Map()])) };
  for (let fold = 0; fold < run.outerFolds; fold++) {
    const left = new Set(packages.filter((_, index) => index % run.outerFolds === fold));
    const pool = shuffled(packages.filter((name) => !left.has(name)), random);
    const scoring = run.examples.filter((example) => left.has(example.package));
    for (const size of run.sizes) {
      const started = Date.now();
      const chosen = new Set(pool.slice(0, size));
      const training = run.examples.filter((example) => chosen.has(example.package));
      const inside = new Map<Example, number[]>();
      for (const inner of packageFolds(training, run.innerFolds)) {
        const held = new Set(inner);
        const predict = run.train(training.filter((example) => !held.has(example.package)));
        for (const example of training) if (held.has(example.package)) inside.set(example, predict(example));
      }
      const predict = run.train(training);
      const scored = new Map(scoring.map((example) => [example, predict(example)]));
      for (const [example, probabilities] of scored) result.scored.get(size)!.set(example, probabilities);
      for (const policy of run.policies) {
        const cuts = policy.choose(inside);
        record(result, size, policy.name, scored, cuts);
      }
      run.log?.(`seed ${run.seed} fold ${fold + 1}/${run.outerFolds} size ${Math.min(size, pool.length)}: ${training.length} examples, ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  }
  return result;
}

function record(result: SeedResult, size: number, policy: string, scored: Map<Example, number[]>, cuts: Cuts): void {
  const bySize = result.tallies.get(size) ?? new Map<string, Record<Origin, Tally>>();
  result.tallies.set(size, bySize);
  const tallies = bySize.get(policy) ?? { all: emptyTally(), tune: emptyTally(), "held-out": emptyTally() };
  bySize.set(policy, tallies);
  for (const origin of origins) addToTally(tallies[origin], ofOrigin(scored, origin), cuts);
  const cut = result.kindsCut.get(size) ?? new Map<string, number>();
  result.kindsCut.set(size, cut);
  const count = cuts.add.filter((value) => value <= 1).length + cuts.remove.filter((value) => value > 0).length;
  cut.set(policy, (cut.get(policy) ?? 0) + count);
}
