/**
 * Optimistic bounds on scored (left-out) examples, for the argument only — nothing may be chosen
 * from them: (a) the best recall any add/remove cut of a model's probabilities could give at a
 * precision, the cuts chosen on the scored examples themselves; (b) how many positives carry any
 * signal at all (a rule fires, the kind's lexicon fires, the model gives the kind some probability).
 */
import type { Example } from "./dataset";
import { kinds, type Counts } from "./fit";
import { seededRandom } from "../../tests/bench/support/seeded-random";
import { barKinds } from "./curve-counts";

// Cuts every 0.05 (the learning curve computes the oracle for every size, seed and halving).
const grid = [0, ...Array.from({ length: 20 }, (_, index) => Math.round((0.05 + index * 0.05) * 1000) / 1000), 1.01];

/** One (add, remove) cut of a kind and its counts on the labelled examples. */
interface CutOption {
  add: number;
  remove: number;
  counts: Counts;
}

function countCut(labelled: readonly [Example, number[]][], k: number, add: number, remove: number): Counts {
  const counts = { tp: 0, fp: 0, fn: 0 };
  for (const [example, probabilities] of labelled) {
    const probability = probabilities[k]!;
    const said = example.heuristic.has(kinds[k]!) ? probability >= remove : probability >= add;
    const truth = example.kinds.has(kinds[k]!);
    if (said && truth) counts.tp++;
    else if (said) counts.fp++;
    else if (truth) counts.fn++;
  }
  return counts;
}

/** Every (add, remove) cut of one kind and its counts on the labelled examples. */
function cutOptions(scored: Map<Example, number[]>, k: number): CutOption[] {
  const labelled = [...scored].filter(([example]) => example.labelled);
  return grid.slice(1).flatMap((add) => grid.slice(0, -1).map((remove) => ({ add, remove, counts: countCut(labelled, k, add, remove) })));
}

/** An oracle's outcome: per bar kind (in `barKinds` order) the counts it reaches, and their micro sums. */
export interface Oracle {
  perKind: Counts[];
  total: Counts;
}

function sum(counts: readonly Counts[]): Counts {
  return counts.reduce((total, count) => ({ tp: total.tp + count.tp, fp: total.fp + count.fp, fn: total.fn + count.fn }), { tp: 0, fp: 0, fn: 0 });
}

/**
 * (a) Per kind, the cut with the highest recall at precision ≥ `target` on the scored examples
 * (a kind no cut lifts to it keeps its most precise cut); and the micro oracle: per-kind cuts
 * maximising tp − λ·fp, λ swept, the highest micro recall whose micro precision is ≥ `target`.
 */
export function oracleCeilings(scored: Map<Example, number[]>, target: number): { perKindTarget: Oracle; micro: Oracle } {
  const options = barKinds.map((kind) => cutOptions(scored, kinds.indexOf(kind)));
  const perKind = options.map((list) => {
    const meeting = list.filter((option) => precision(option.counts) >= target);
    if (meeting.length > 0) return meeting.reduce((best, option) => (option.counts.tp > best.counts.tp || (option.counts.tp === best.counts.tp && option.counts.fp < best.counts.fp) ? option : best)).counts;
    return list.reduce((best, option) => (precision(option.counts) > precision(best.counts) || (precision(option.counts) === precision(best.counts) && option.counts.tp > best.counts.tp) ? option : best)).counts;
  });
  const micro = microOracle(options, target);
  return { perKindTarget: { perKind, total: sum(perKind) }, micro: { perKind: micro.map((option) => option.counts), total: sum(micro.map((option) => option.counts)) } };
}

const precision = (count: Counts) => (count.tp + count.fp === 0 ? 1 : count.tp / (count.tp + count.fp));

/** Per-kind cuts maximising tp − λ·fp, λ swept: the highest micro recall whose micro precision is ≥ `target` (the rules alone when none is). */
function microOracle(options: readonly CutOption[][], target: number): CutOption[] {
  let best = options.map((list) => list[list.length - 1]!);
  let bestTp = -1;
  for (let step = 0; step <= 400; step++) {
    const lambda = step * 0.05;
    const chosen = options.map((list) => list.reduce((top, option) => (option.counts.tp - lambda * option.counts.fp > top.counts.tp - lambda * top.counts.fp + 1e-9 ? option : top)));
    const total = sum(chosen.map((option) => option.counts));
    if (precision(total) >= target && total.tp > bestTp) {
      best = chosen;
      bestTp = total.tp;
    }
  }
  return best;
}

/**
 * The micro oracle's cuts chosen on one random half of the scored packages and counted on the
 * other half (both ways, over `splits` random halvings): how much of the oracle survives on
 * packages its cuts were not chosen on. Counts are summed over every split and both halves.
 */
export function crossFittedOracle(scored: Map<Example, number[]>, target: number, splits: number, seed: number): Oracle {
  const random = seededRandom(seed);
  const packages = [...new Set([...scored.keys()].map((example) => example.package))].sort();
  const perKind = barKinds.map(() => ({ tp: 0, fp: 0, fn: 0 }));
  for (let split = 0; split < splits; split++) {
    const half = new Set(packages.filter(() => random() < 0.5));
    const parts = [new Map([...scored].filter(([example]) => half.has(example.package))), new Map([...scored].filter(([example]) => !half.has(example.package)))];
    for (const [choose, apply] of [[parts[0]!, parts[1]!], [parts[1]!, parts[0]!]] as const) {
      const chosen = microOracle(barKinds.map((kind) => cutOptions(choose, kinds.indexOf(kind))), target);
      const labelled = [...apply].filter(([example]) => example.labelled);
      barKinds.forEach((kind, index) => {
        const counts = countCut(labelled, kinds.indexOf(kind), chosen[index]!.add, chosen[index]!.remove);
        perKind[index]!.tp += counts.tp;
        perKind[index]!.fp += counts.fp;
        perKind[index]!.fn += counts.fn;
      });
    }
  }
  return { perKind, total: sum(perKind) };
}

/** (b) For each bar kind: positives, and how many carry each signal; and how often the union fires on units that are not the kind. */
export interface SignalShare {
  kind: string;
  positives: number;
  anyRule: number;
  ownRule: number;
  lexicon: number;
  probability: number;
  union: number;
  /** Labelled units not of the kind, and how many of them carry the union signal. */
  others: number;
  othersWithSignal: number;
  /** Unlabelled units, and how many carry the union signal. */
  background: number;
  backgroundWithSignal: number;
}

/** Signal shares per bar kind; `floor` is the model probability counted as a signal. */
export function signalShares(scored: Map<Example, number[]>, floor: number): SignalShare[] {
  return barKinds.map((kind) => {
    const k = kinds.indexOf(kind);
    const lexiconOf = (example: Example) => [...example.features.keys()].some((name) => name.startsWith(`lex:${kind}-`));
    const share: SignalShare = { kind, positives: 0, anyRule: 0, ownRule: 0, lexicon: 0, probability: 0, union: 0, others: 0, othersWithSignal: 0, background: 0, backgroundWithSignal: 0 };
    for (const [example, probabilities] of scored) {
      const anyRule = example.heuristic.size > 0;
      const lexicon = lexiconOf(example);
      const probable = probabilities[k]! > floor;
      const union = anyRule || lexicon || probable;
      if (!example.labelled) {
        share.background++;
        if (union) share.backgroundWithSignal++;
      } else if (!example.kinds.has(kind)) {
        share.others++;
        if (union) share.othersWithSignal++;
      } else {
        share.positives++;
        if (anyRule) share.anyRule++;
        if (example.heuristic.has(kind)) share.ownRule++;
        if (lexicon) share.lexicon++;
        if (probable) share.probability++;
        if (union) share.union++;
      }
    }
    return share;
  });
}
