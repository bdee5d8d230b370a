/**
 * The boosted-trees kind classifier on examples: binary tests from the features seen in enough
 * training packages (a count-valued feature also gets "at least half" and "at most" tests), one
 * boosted ensemble per kind.
 */
import type { BoostedEnsemble, FeatureTest } from "./boosted-trees";
import { ensembleScore } from "./boosted-trees";
import { trainBoostedTrees, type BoostingOptions } from "./train-boosted-trees";
import type { Example } from "./dataset";
import { kinds } from "./fit";

/** The knobs of a boosted fit. */
export interface BoostedSettings extends Omit<BoostingOptions, "testCount" | "seed"> {
  minPackages: number;
  backgroundWeight: number;
}

/** A fitted boosted classifier: its tests and one ensemble per kind. */
export interface BoostedFitted {
  tests: FeatureTest[];
  ensembles: BoostedEnsemble[];
}

/** The binary tests over features present in at least `minPackages` packages of the examples. */
export function testsOf(examples: readonly Example[], minPackages: number): FeatureTest[] {
  const packagesByFeature = new Map<string, Set<string>>();
  const counted = new Set<string>();
  for (const example of examples) {
    for (const [name, value] of example.features) {
      let packages = packagesByFeature.get(name);
      if (!packages) packagesByFeature.set(name, (packages = new Set()));
      packages.add(example.package);
      if (value > 0 && value < 1) counted.add(name);
    }
  }
  const names = [...packagesByFeature].filter(([, packages]) => packages.size >= minPackages).map(([name]) => name).sort();
  const tests: FeatureTest[] = [];
  for (const name of names) {
    tests.push({ feature: name, atLeast: 1e-9 });
    if (counted.has(name)) tests.push({ feature: name, atLeast: 0.5 }, { feature: name, atLeast: 1 });
  }
  return tests;
}

function passedIndices(tests: readonly FeatureTest[], indexByFeature: Map<string, number[]>, example: Example): number[] {
  const passed: number[] = [];
  for (const [name, value] of example.features) for (const index of indexByFeature.get(name) ?? []) if (value >= tests[index]!.atLeast) passed.push(index);
  return passed.sort((a, b) => a - b);
}

function indexTests(tests: readonly FeatureTest[]): Map<string, number[]> {
  const byFeature = new Map<string, number[]>();
  tests.forEach((test, index) => {
    const list = byFeature.get(test.feature) ?? [];
    list.push(index);
    byFeature.set(test.feature, list);
  });
  return byFeature;
}

/** Boosts one ensemble per kind on the examples (deterministic). */
export function fitBoosted(examples: readonly Example[], settings: BoostedSettings): BoostedFitted {
  const tests = testsOf(examples, settings.minPackages);
  const byFeature = indexTests(tests);
  const passed = examples.map((example) => passedIndices(tests, byFeature, example));
  const ensembles = kinds.map((kind, kindIndex) =>
    trainBoostedTrees(
      examples.map((example, index) => ({ passed: passed[index]!, target: example.kinds.has(kind) ? 1 : 0, weight: example.labelled ? 1 : settings.backgroundWeight })),
      { ...settings, testCount: tests.length, seed: 1000 + kindIndex },
    ),
  );
  return { tests, ensembles };
}

/** Each kind's probability for an example. */
const indexes = new WeakMap<BoostedFitted, Map<string, number[]>>();

export function predictBoosted(fitted: BoostedFitted, example: Example): number[] {
  let byFeature = indexes.get(fitted);
  if (!byFeature) indexes.set(fitted, (byFeature = indexTests(fitted.tests)));
  const passed = new Set(passedIndices(fitted.tests, byFeature, example));
  return fitted.ensembles.map((ensemble) => 1 / (1 + Math.exp(-ensembleScore(ensemble, (test) => passed.has(test)))));
}
