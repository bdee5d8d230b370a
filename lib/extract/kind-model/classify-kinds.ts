// A JSON module, so one import loads it in Node, the CLI's esbuild bundle, Next and Deno;
// `npm run train:kinds` rewrites it.
import modelData from "./data/kind-model.json" with { type: "json" };
import { kindModelDataSchema, type DesignPatternKind, type KindModelData, type PatternMatch } from "@/lib/domain";
import { describeFeature } from "./describe-feature";
import type { UnitFeatures } from "./feature-sink";
import { sigmoid } from "./logistic-regression";

/** The shipped model in the shape the classifier reads it: weights by feature name. */
export interface KindModel {
  kinds: readonly DesignPatternKind[];
  thresholds: readonly number[];
  biases: readonly number[];
  weights: ReadonlyMap<string, readonly number[]>;
}

/** Turns model data (the JSON file or a freshly trained model) into a {@link KindModel}. */
export function kindModelFrom(data: KindModelData): KindModel {
  return { kinds: data.kinds, thresholds: data.thresholds, biases: data.biases, weights: new Map(Object.entries(data.weights)) };
}

let shipped: KindModel | undefined;

// zod checks the model's header; its ~1,700 weight rows are checked by one loop, which takes a
// fraction of the time zod's per-element parse does (the model loads in every extraction worker).
const headerSchema = kindModelDataSchema.omit({ weights: true });

function parseKindModelData(data: unknown): KindModelData {
  const header = headerSchema.parse(data);
  const weights = (data as { weights?: unknown }).weights;
  if (typeof weights !== "object" || weights === null || Array.isArray(weights)) throw new Error("kind model: weights must be an object");
  for (const [name, row] of Object.entries(weights)) {
    if (!Array.isArray(row) || row.length !== header.kinds.length || !row.every((weight) => typeof weight === "number" && Number.isFinite(weight))) {
      throw new Error(`kind model: the weights of ${name} must be ${header.kinds.length} finite numbers`);
    }
  }
  return { ...header, weights: weights as Record<string, number[]> };
}

/** The model shipped in lib/extract/kind-model/data (loaded and checked once per thread). */
export function shippedKindModel(): KindModel {
  shipped ??= kindModelFrom(parseKindModelData(modelData));
  return shipped;
}

/** Each kind's probability for a unit's features, in the model's kind order. */
export function kindProbabilities(model: KindModel, features: UnitFeatures): number[] {
  const scores = [...model.biases];
  for (const [name, value] of features) {
    const weights = model.weights.get(name);
    if (weights) for (let index = 0; index < scores.length; index++) scores[index]! += weights[index]! * value;
  }
  return scores.map(sigmoid);
}

/** The features that pushed a kind's score up the most, in words ("name says retry; waits inside a loop"). */
function topReasons(model: KindModel, features: UnitFeatures, kindIndex: number): string[] {
  const contributions: { name: string; amount: number }[] = [];
  for (const [name, value] of features) {
    const amount = (model.weights.get(name)?.[kindIndex] ?? 0) * value;
    if (amount > 0.05) contributions.push({ name, amount });
  }
  contributions.sort((a, b) => b.amount - a.amount || a.name.localeCompare(b.name));
  return contributions.slice(0, 4).map((contribution) => describeFeature(contribution.name));
}

/**
 * The kinds the learned classifier reports for a unit that the rule-based detectors did not:
 * a kind is reported when its probability reaches the kind's threshold. The evidence names
 * the features that weighed most, in words.
 */
export function classifyKinds(features: UnitFeatures, heuristicMatches: readonly PatternMatch[], model: KindModel = shippedKindModel()): PatternMatch[] {
  if (model.kinds.length === 0) return [];
  const found = new Set(heuristicMatches.map((match) => match.kind));
  const probabilities = kindProbabilities(model, features);
  const matches: PatternMatch[] = [];
  model.kinds.forEach((kind, index) => {
    const probability = probabilities[index]!;
    if (found.has(kind) || probability < model.thresholds[index]!) return;
    const reasons = topReasons(model, features, index);
    const confidence = Math.round(Math.min(0.99, probability) * 100) / 100;
    matches.push({ kind, confidence, evidence: [`kind classifier ${confidence.toFixed(2)}: ${reasons.join("; ")}`] });
  });
  return matches;
}
