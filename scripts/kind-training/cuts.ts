/**
 * How the classifier's probabilities change the rules' verdicts, per kind: ADD the kind to a unit
 * the rule passed over when the probability reaches `add`; REMOVE the rule's kind when the
 * probability is under `remove` (the model is confident the rule is wrong). The cuts are chosen
 * on out-of-fold probabilities for the issue's bar — overall precision on labelled units, then
 * recall, with the share of unlabelled units given some kind (the flood) capped — instead of
 * a per-kind precision that counts every unlabelled unit as a false positive.
 */
import type { Example } from "./dataset";
import { kinds, type Counts } from "./fit";

/** Per-kind cuts (same order as `kinds`): add at or above `add[k]` (above 1: never), remove under `remove[k]` (0: never). */
export interface Cuts {
  add: number[];
  remove: number[];
}

/** The knobs of choosing cuts. */
export interface CutSettings {
  /** Overall (micro) precision on labelled units the cuts must keep. */
  targetPrecision: number;
  /** Points (0–1) the flood may rise over the rules' own. */
  floodCap: number;
  /** An addition must be at least this precise on its own (tp / (tp + fp) of the units it adds). */
  marginalPrecision: number;
  /** A removal must take away at least this many false positives per true positive lost. */
  removalRatio: number;
  /** An unlabelled unit newly given a kind counts as this many false positives when additions are compared. */
  floodCost: number;
  /** Kinds under this recall get their added true positives counted twice. */
  minimumRecall: number;
  /** An addition must gain true positives in at least this many packages; a removal must drop false positives from as many. */
  minimumPackages: number;
}

/** No cut: the rules alone. */
export function noCuts(): Cuts {
  return { add: kinds.map(() => 1.01), remove: kinds.map(() => 0) };
}

/** Whether the combined detector reports kind `k` for an example. */
export function reportedWith(example: Example, probabilities: readonly number[], k: number, cuts: Cuts): boolean {
  const probability = probabilities[k]!;
  return example.heuristic.has(kinds[k]!) ? probability >= cuts.remove[k]! : probability >= cuts.add[k]!;
}

/** tp / fp / fn of each kind over labelled examples, and the flood over unlabelled ones. */
export function evaluateCuts(scored: Map<Example, number[]>, cuts: Cuts): { counts: Counts[]; background: number; flooded: number } {
  const counts = kinds.map(() => ({ tp: 0, fp: 0, fn: 0 }));
  let background = 0;
  let flooded = 0;
  for (const [example, probabilities] of scored) {
    if (!example.labelled) {
      background++;
      if (kinds.some((_, k) => reportedWith(example, probabilities, k, cuts))) flooded++;
      continue;
    }
    kinds.forEach((kind, k) => {
      const said = reportedWith(example, probabilities, k, cuts);
      const truth = example.kinds.has(kind);
      if (said && truth) counts[k]!.tp++;
      else if (said) counts[k]!.fp++;
      else if (truth) counts[k]!.fn++;
    });
  }
  return { counts, background, flooded };
}

const grid = Array.from({ length: 39 }, (_, index) => Math.round((0.025 + index * 0.025) * 1000) / 1000);

function total(counts: readonly Counts[]): Counts {
  return counts.reduce((sum, count) => ({ tp: sum.tp + count.tp, fp: sum.fp + count.fp, fn: sum.fn + count.fn }), { tp: 0, fp: 0, fn: 0 });
}

/** Removal cuts: per kind, the highest cut whose removed units hold enough false positives per true positive lost. */
function chooseRemovals(scored: Map<Example, number[]>, settings: CutSettings): number[] {
  return kinds.map((kind, k) => {
    const fired = [...scored].filter(([example]) => example.labelled && example.heuristic.has(kind));
    let best = { cut: 0, value: 0 };
    for (const cut of grid) {
      let fp = 0;
      let tp = 0;
      const packages = new Set<string>();
      for (const [example, probabilities] of fired) {
        if (probabilities[k]! >= cut) continue;
        if (example.kinds.has(kind)) tp++;
        else {
          fp++;
          packages.add(example.package);
        }
      }
      const value = fp - settings.removalRatio * tp;
      if (packages.size >= Math.min(settings.minimumPackages, 2) && value > best.value) best = { cut, value };
    }
    return best.cut;
  });
}

interface Move {
  k: number;
  cut: number;
  value: number;
  gained: number;
  lost: number;
  newlyFlooded: Example[];
}

/** What lowering kind k's add cut to `cut` would change, over the examples the rule passed over. */
function additionMove(scored: Map<Example, number[]>, cuts: Cuts, k: number, cut: number, flooded: ReadonlySet<Example>): Omit<Move, "value"> & { packages: number } {
  const kind = kinds[k]!;
  let gained = 0;
  let lost = 0;
  const packages = new Set<string>();
  const newlyFlooded: Example[] = [];
  for (const [example, probabilities] of scored) {
    if (example.heuristic.has(kind)) continue;
    const probability = probabilities[k]!;
    if (probability < cut || probability >= cuts.add[k]!) continue;
    if (!example.labelled) {
      if (!flooded.has(example)) newlyFlooded.push(example);
    } else if (example.kinds.has(kind)) {
      gained++;
      packages.add(example.package);
    } else lost++;
  }
  return { k, cut, gained, lost, newlyFlooded, packages: packages.size };
}

/**
 * Chooses cuts on out-of-fold probabilities: removals first (precision), then additions picked
 * greedily, the most precise first, while overall precision stays at the target and the flood
 * under its cap. An addition must gain true positives in at least `minimumPackages` packages
 * (what one package's idiom teaches does not carry).
 */
export function chooseCuts(scored: Map<Example, number[]>, settings: CutSettings): Cuts {
  const cuts = noCuts();
  cuts.remove = chooseRemovals(scored, settings);
  const rules = evaluateCuts(scored, noCuts());
  const background = Math.max(rules.background, 1);
  const floodLimit = Math.floor((rules.flooded / background + settings.floodCap) * background);
  const current = evaluateCuts(scored, cuts);
  const overall = total(current.counts);
  const flooded = new Set([...scored].filter(([example, probabilities]) => !example.labelled && kinds.some((_, k) => reportedWith(example, probabilities, k, cuts))).map(([example]) => example));
  for (;;) {
    let best: Move | undefined;
    kinds.forEach((_, k) => {
      for (const cut of grid) {
        if (cut >= cuts.add[k]!) continue;
        const move = additionMove(scored, cuts, k, cut, flooded);
        const { gained, lost } = move;
        if (gained <= 0 || move.packages < settings.minimumPackages || gained / (gained + lost) < settings.marginalPrecision) continue;
        if ((overall.tp + gained) / (overall.tp + overall.fp + gained + lost) < settings.targetPrecision) continue;
        if (flooded.size + move.newlyFlooded.length > floodLimit) continue;
        const counts = current.counts[k]!;
        const weight = counts.tp / Math.max(counts.tp + counts.fn, 1) < settings.minimumRecall ? 2 : 1;
        const value = (weight * gained) / (gained + lost + settings.floodCost * move.newlyFlooded.length);
        if (!best || value > best.value + 1e-9) best = { ...move, value };
      }
    });
    if (!best) return cuts;
    cuts.add[best.k] = best.cut;
    current.counts[best.k]!.tp += best.gained;
    current.counts[best.k]!.fn -= best.gained;
    current.counts[best.k]!.fp += best.lost;
    overall.tp += best.gained;
    overall.fp += best.lost;
    for (const example of best.newlyFlooded) flooded.add(example);
  }
}
