/**
 * Optimistic bounds on scored (left-out) examples, for the argument only — nothing may be chosen
 * from them: (a) the best recall any add/remove cut of a model's probabilities could give at a
 * precision, the cuts chosen on the scored examples themselves; (b) how many positives carry any
 * signal at all (a rule fires, the kind's lexicon fires, the model gives the kind some probability).
 */
import type { Example } from "./dataset";
import { kinds, type Counts } from "./fit";
import { barKinds } from "./curve-counts";

const grid = [0, ...Array.from({ length: 40 }, (_, index) => Math.round((0.025 + index * 0.025) * 1000) / 1000), 1.01];

/** Every (add, remove) cut of one kind and its counts on the labelled examples. */
function cutOptions(scored: Map<Example, number[]>, k: number): Counts[] {
  const labelled = [...scored].filter(([example]) => example.labelled);
  const options: Counts[] = [];
  for (const add of grid.slice(1)) {
    for (const remove of grid.slice(0, -1)) {
      const counts = { tp: 0, fp: 0, fn: 0 };
      for (const [example, probabilities] of labelled) {
        const probability = probabilities[k]!;
        const said = example.heuristic.has(kinds[k]!) ? probability >= remove : probability >= add;
        const truth = example.kinds.has(kinds[k]!);
        if (said && truth) counts.tp++;
        else if (said) counts.fp++;
        else if (truth) counts.fn++;
      }
      options.push(counts);
    }
  }
  return options;
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
  const precision = (count: Counts) => (count.tp + count.fp === 0 ? 1 : count.tp / (count.tp + count.fp));
  const perKind = options.map((list) => {
    const meeting = list.filter((count) => precision(count) >= target);
    if (meeting.length > 0) return meeting.reduce((best, count) => (count.tp > best.tp || (count.tp === best.tp && count.fp < best.fp) ? count : best));
    return list.reduce((best, count) => (precision(count) > precision(best) || (precision(count) === precision(best) && count.tp > best.tp) ? count : best));
  });
  let micro: Oracle = { perKind: options.map((list) => list[list.length - 1]!), total: { tp: 0, fp: 0, fn: Number.MAX_SAFE_INTEGER } };
  for (let step = 0; step <= 400; step++) {
    const lambda = step * 0.05;
    const chosen = options.map((list) => list.reduce((best, count) => (count.tp - lambda * count.fp > best.tp - lambda * best.fp + 1e-9 ? count : best)));
    const total = sum(chosen);
    if (precision(total) >= target && total.tp > micro.total.tp) micro = { perKind: chosen, total };
  }
  return { perKindTarget: { perKind, total: sum(perKind) }, micro };
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
