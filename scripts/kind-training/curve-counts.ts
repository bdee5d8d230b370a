/**
 * Counts of the combined detector (rules, with a model's cuts) on scored examples, over the kinds the
 * issue's hidden set labels, kept apart by where a package comes from (a tune package's rules were
 * read from it; a held-out package's were not).
 */
import { designPatternKinds, type DesignPatternKind } from "@/lib/domain";
import { evaluateCuts, type Cuts } from "./cuts";
import type { Example } from "./dataset";
import { kinds, type Counts } from "./fit";

/** The 12 kinds the hidden set labels (it has no error-handling wrappers or database transactions). */
export const barKinds: readonly DesignPatternKind[] = designPatternKinds.filter((kind) => kind !== "error_handling_wrapper" && kind !== "db_transaction");

/** Where a scored package came from: all of them, or only the tune or the held-out split's. */
export const origins = ["all", "tune", "held-out"] as const;
export type Origin = (typeof origins)[number];

/** Per-kind counts (in `kinds` order) and the flood (unlabelled units given some kind). */
export interface Tally {
  counts: Counts[];
  background: number;
  flooded: number;
}

/** An empty tally. */
export function emptyTally(): Tally {
  return { counts: kinds.map(() => ({ tp: 0, fp: 0, fn: 0 })), background: 0, flooded: 0 };
}

/** Adds what the cuts give on the scored examples to the tally. */
export function addToTally(tally: Tally, scored: Map<Example, number[]>, cuts: Cuts): void {
  const result = evaluateCuts(scored, cuts);
  result.counts.forEach((count, k) => {
    tally.counts[k]!.tp += count.tp;
    tally.counts[k]!.fp += count.fp;
    tally.counts[k]!.fn += count.fn;
  });
  tally.background += result.background;
  tally.flooded += result.flooded;
}

/** The scored examples of one origin. */
export function ofOrigin(scored: Map<Example, number[]>, origin: Origin): Map<Example, number[]> {
  return origin === "all" ? scored : new Map([...scored].filter(([example]) => example.split === origin));
}

/** Micro precision and recall over the bar's kinds, and how many of them are under 0.5 recall. */
export function summarise(tally: Tally): { precision: number; recall: number; tp: number; fp: number; fn: number; under: number; flood: number; recalls: Map<string, number> } {
  const total = { tp: 0, fp: 0, fn: 0 };
  const recalls = new Map<string, number>();
  let under = 0;
  kinds.forEach((kind, k) => {
    if (!barKinds.includes(kind)) return;
    const { tp, fp, fn } = tally.counts[k]!;
    total.tp += tp;
    total.fp += fp;
    total.fn += fn;
    if (tp + fn === 0) return;
    recalls.set(kind, tp / (tp + fn));
    if (tp / (tp + fn) < 0.5) under++;
  });
  return {
    ...total,
    precision: total.tp + total.fp === 0 ? 1 : total.tp / (total.tp + total.fp),
    recall: total.tp + total.fn === 0 ? 0 : total.tp / (total.tp + total.fn),
    under,
    flood: tally.flooded / Math.max(tally.background, 1),
    recalls,
  };
}
