/**
 * Fitting and applying the kind classifier on examples: the vocabulary (features seen in
 * enough packages), one-vs-rest logistic regression, out-of-fold probabilities with whole
 * packages left out, and per-kind thresholds chosen from those out-of-fold probabilities.
 */
import { designPatternKinds, type DesignPatternKind } from "@/lib/domain";
import { linearScores, sigmoid, trainLogisticRegression, type LinearModel, type TrainingSample } from "@/lib/extract";
import type { Example } from "./dataset";

/** The knobs of a fit; chosen by cross-validation inside the tune split only. */
export interface FitSettings {
  /** A feature must appear in at least this many training packages (package-specific words generalise badly). */
  minPackages: number;
  l2: number;
  /** How much an unlabelled background unit counts against every kind (a labelled unit counts 1). */
  backgroundWeight: number;
  iterations: number;
  learningRate: number;
}

/** A fitted classifier: the vocabulary and the linear model over it. */
export interface Fitted {
  vocabulary: Map<string, number>;
  model: LinearModel;
}

/** The kinds, in the model's output order. */
export const kinds: readonly DesignPatternKind[] = designPatternKinds;

function vocabularyOf(examples: readonly Example[], minPackages: number): Map<string, number> {
  const packagesByFeature = new Map<string, Set<string>>();
  for (const example of examples) {
    for (const name of example.features.keys()) {
      let packages = packagesByFeature.get(name);
      if (!packages) packagesByFeature.set(name, (packages = new Set()));
      packages.add(example.package);
    }
  }
  const names = [...packagesByFeature].filter(([, packages]) => packages.size >= minPackages).map(([name]) => name).sort();
  return new Map(names.map((name, index) => [name, index]));
}

function sparse(example: Example, vocabulary: Map<string, number>): { indices: number[]; values: number[] } {
  const indices: number[] = [];
  const values: number[] = [];
  for (const [name, value] of example.features) {
    const index = vocabulary.get(name);
    if (index !== undefined) {
      indices.push(index);
      values.push(value);
    }
  }
  return { indices, values };
}

/** Trains on the examples (deterministic: same examples and settings, same model). */
export function fit(examples: readonly Example[], settings: FitSettings): Fitted {
  const vocabulary = vocabularyOf(examples, settings.minPackages);
  const samples: TrainingSample[] = examples.map((example) => ({
    ...sparse(example, vocabulary),
    targets: kinds.map((kind) => (example.kinds.has(kind) ? 1 : 0)),
    weight: example.labelled ? 1 : settings.backgroundWeight,
  }));
  const model = trainLogisticRegression(samples, { featureCount: vocabulary.size, outputCount: kinds.length, l2: settings.l2, iterations: settings.iterations, learningRate: settings.learningRate });
  return { vocabulary, model };
}

/** Each kind's probability for an example. */
export function predict(fitted: Fitted, example: Example): number[] {
  const { indices, values } = sparse(example, fitted.vocabulary);
  return [...linearScores(fitted.model, indices, values)].map(sigmoid);
}

/** Packages split into `folds` groups (a stable order by name, dealt round-robin); `folds` ≥ packages → leave-one-package-out. */
export function packageFolds(examples: readonly Example[], folds: number): string[][] {
  const packages = [...new Set(examples.map((example) => example.package))].sort();
  const groups: string[][] = Array.from({ length: Math.min(folds, packages.length) }, () => []);
  packages.forEach((name, index) => groups[index % groups.length]!.push(name));
  return groups;
}

/** Out-of-fold probabilities: each example scored by a model trained without its package's fold. */
export function outOfFold(examples: readonly Example[], folds: string[][], settings: FitSettings): Map<Example, number[]> {
  const probabilities = new Map<Example, number[]>();
  for (const fold of folds) {
    const left = new Set(fold);
    const fitted = fit(examples.filter((example) => !left.has(example.package)), settings);
    for (const example of examples) if (left.has(example.package)) probabilities.set(example, predict(fitted, example));
  }
  return probabilities;
}

/** Counts of one kind on labelled examples. */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** Whether the combined detector reports a kind: the rule fired, or the probability reaches the threshold. */
export function reported(example: Example, probabilities: readonly number[], kindIndex: number, threshold: number): boolean {
  return example.heuristic.has(kinds[kindIndex]!) || probabilities[kindIndex]! >= threshold;
}

/** tp / fp / fn of one kind over the labelled examples, at a threshold. */
export function countKind(scored: Map<Example, number[]>, kindIndex: number, threshold: number): Counts {
  const counts = { tp: 0, fp: 0, fn: 0 };
  for (const [example, probabilities] of scored) {
    if (!example.labelled) continue;
    const said = reported(example, probabilities, kindIndex, threshold);
    const truth = example.kinds.has(kinds[kindIndex]!);
    if (said && truth) counts.tp++;
    else if (said) counts.fp++;
    else if (truth) counts.fn++;
  }
  return counts;
}

/** How many unlabelled (background) units the combined detector gives a kind. */
export function backgroundReported(scored: Map<Example, number[]>, kindIndex: number, threshold: number): number {
  let count = 0;
  for (const [example, probabilities] of scored) if (!example.labelled && reported(example, probabilities, kindIndex, threshold)) count++;
  return count;
}
