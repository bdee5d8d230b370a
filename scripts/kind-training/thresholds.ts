/**
 * Per-kind thresholds of the kind classifier, chosen from out-of-fold probabilities. A unit is
 * reported as a kind when its rule fires or the probability reaches the kind's threshold, so a
 * threshold's own work is the units it ADDS to the rule's: the threshold is judged by them.
 */
import type { Example } from "./dataset";
import { backgroundReported, countKind, kinds, reported } from "./fit";

/** How thresholds are chosen. */
export interface ThresholdSettings {
  /** Precision a threshold must keep (see `judge`). */
  targetPrecision: number;
  /** Each unlabelled unit given the kind counts as this many false positives. */
  backgroundPenalty: number;
  /**
   * "added": the precision of the units the threshold adds to the rule's (the default);
   * "combined": the precision of rule OR model, the rule's own false positives included
   * (sessions 8–13: a kind whose rule fires on unlabelled code could never earn a threshold,
   * whatever the model added, because the rule alone was under the target).
   */
  judge: "added" | "combined";
}

const candidates = Array.from({ length: 37 }, (_, index) => Math.round((0.05 + index * 0.025) * 1000) / 1000);
const never = 1.01;
const fallbackPrecision = 0.75;

/**
 * Per kind: the threshold with the highest recall whose precision (by `judge`) stays at or above
 * the target (the highest such threshold among ties). Judged "combined", a kind that meets no
 * target falls back to the best F1 at precision ≥ 0.75. A kind the model never helps gets 1.01 (never).
 */
export function chooseThresholds(scored: Map<Example, number[]>, settings: ThresholdSettings): number[] {
  return kinds.map((_, kindIndex) => {
    const without = countKind(scored, kindIndex, never);
    const best = settings.judge === "added" ? byAddedPrecision(scored, kindIndex, settings) : byCombinedPrecision(scored, kindIndex, settings);
    return countKind(scored, kindIndex, best).tp > without.tp ? best : never;
  });
}

/** The lowest threshold whose added units (model yes, rule no) are precise enough: the most recall at that precision. */
function byAddedPrecision(scored: Map<Example, number[]>, kindIndex: number, settings: ThresholdSettings): number {
  let best = { threshold: never, tp: 0 };
  // From the highest threshold down, so among thresholds adding as many true positives the highest is kept.
  for (const threshold of [...candidates].reverse()) {
    const { tp, fp, background } = added(scored, kindIndex, threshold);
    if (tp > best.tp && tp / (tp + fp + settings.backgroundPenalty * background) >= settings.targetPrecision) best = { threshold, tp };
  }
  return best.threshold;
}

/** The units a threshold adds to the rule's: labelled true and false positives, and unlabelled units. */
export function added(scored: Map<Example, number[]>, kindIndex: number, threshold: number): { tp: number; fp: number; background: number } {
  const counts = { tp: 0, fp: 0, background: 0 };
  const kind = kinds[kindIndex]!;
  for (const [example, probabilities] of scored) {
    if (example.heuristic.has(kind) || !reported(example, probabilities, kindIndex, threshold)) continue;
    if (!example.labelled) counts.background++;
    else if (example.kinds.has(kind)) counts.tp++;
    else counts.fp++;
  }
  return counts;
}

function byCombinedPrecision(scored: Map<Example, number[]>, kindIndex: number, settings: ThresholdSettings): number {
  let best = { threshold: never, recall: -1, f1: -1, meets: false };
  for (const threshold of [...candidates].reverse()) {
    const { tp, fp: labelledFp, fn } = countKind(scored, kindIndex, threshold);
    // An unlabelled unit given the kind is counted as a fraction of a false positive: most are none.
    const fp = labelledFp + settings.backgroundPenalty * backgroundReported(scored, kindIndex, threshold);
    const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    const meets = precision >= settings.targetPrecision;
    const better = meets ? !best.meets || recall > best.recall : !best.meets && precision >= fallbackPrecision && f1 > best.f1;
    if (better) best = { threshold, recall, f1, meets };
  }
  return best.threshold;
}
