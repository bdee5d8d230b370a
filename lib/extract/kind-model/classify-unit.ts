import type { PatternMatch } from "@/lib/domain";
import type { DetectorContext } from "../detectors/detector";
import { classifyKinds, shippedKindModel, type KindModel } from "./classify-kinds";
import { FeatureSink } from "./feature-sink";
import { addLexiconFeatures } from "./kind-lexicon";
import { importFeatureNames, roleFeatureNames, unitRole } from "./structure-features";
import { unitFeatures } from "./unit-features";
import { addWordFeatures } from "./word-features";

type Role = ReturnType<typeof unitRole>["role"];

// Room left for rounding: the bound is skipped only when it misses the threshold by more.
const margin = 1e-6;

/** The kinds whose threshold a probability can reach (a threshold above 1 switches a kind off). */
function liveKinds(model: KindModel, found: ReadonlySet<string>): number[] {
  const live: number[] = [];
  model.kinds.forEach((kind, index) => {
    if (model.thresholds[index]! <= 1 && !found.has(kind)) live.push(index);
  });
  return live;
}

// Structural features come last and cost the most to compute. Every one of them is a fact
// (1) or a bounded count (0–1), so together they add at most the sum of their positive
// weights. Which of them a unit can have depends only on what it is: a class has the
// `s:class-` facts, a method its class's `s:owner-` facts, a function neither.
const boundsByModel = new WeakMap<KindModel, Map<string, number>>();

function structureBound(model: KindModel, kindIndex: number, role: Role): number {
  let bounds = boundsByModel.get(model);
  if (!bounds) boundsByModel.set(model, (bounds = new Map()));
  const key = `${kindIndex}:${role}`;
  let bound = bounds.get(key);
  if (bound === undefined) {
    bound = 0;
    for (const [name, weights] of model.weights) {
      if (!name.startsWith("s:") || name.startsWith("s:is-") || name.startsWith("s:language-")) continue;
      if (name.startsWith("s:class-") && role !== "class") continue;
      if (name.startsWith("s:owner-") && role !== "method") continue;
      bound += Math.max(0, weights[kindIndex]!);
    }
    bounds.set(key, bound);
  }
  return bound;
}

/**
 * Whether any live kind's score could reach its threshold: the features that are cheap to
 * read (words, lexicon, what the unit is, its imports, the rules' verdicts) scored exactly,
 * the structural ones at their most.
 */
function mayReachThreshold(context: DetectorContext, heuristicMatches: readonly PatternMatch[], model: KindModel, live: readonly number[]): boolean {
  const sink = new FeatureSink();
  addWordFeatures(context, sink);
  addLexiconFeatures(sink);
  const { role } = unitRole(context);
  for (const name of roleFeatureNames(role, context.family)) sink.flag(name);
  for (const name of importFeatureNames(context.input.unit.importsUsed)) sink.flag(name);
  for (const match of heuristicMatches) sink.flag(`h:${match.kind}`);
  return live.some((kindIndex) => {
    let score = model.biases[kindIndex]!;
    for (const [name, value] of sink.features) score += (model.weights.get(name)?.[kindIndex] ?? 0) * value;
    const threshold = model.thresholds[kindIndex]!;
    const needed = threshold <= 0 ? -Infinity : threshold >= 1 ? Infinity : Math.log(threshold / (1 - threshold));
    return score + structureBound(model, kindIndex, role) + margin >= needed;
  });
}

/**
 * The kinds the learned classifier adds to the rules' matches for one unit — the same answer
 * as `classifyKinds(unitFeatures(context, heuristicMatches), heuristicMatches)`, but a unit
 * is only read whole when some kind the rules did not report could still reach its
 * threshold (most units are settled by their words alone, and a kind whose threshold is
 * above 1 is never scored).
 */
export function classifyUnit(context: DetectorContext, heuristicMatches: readonly PatternMatch[], model: KindModel = shippedKindModel()): PatternMatch[] {
  const live = liveKinds(model, new Set(heuristicMatches.map((match) => match.kind)));
  if (live.length === 0 || !mayReachThreshold(context, heuristicMatches, model, live)) return [];
  return classifyKinds(unitFeatures(context, heuristicMatches), heuristicMatches, model);
}
