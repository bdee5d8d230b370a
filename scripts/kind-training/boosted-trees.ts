/**
 * Gradient-boosted regression trees over binary tests ("feature reaches a value"), scored as
 * log-odds: a tree's internal node sends a unit to `present` when its feature's value is at
 * least `atLeast`, to `absent` otherwise; a leaf adds its value. Trees can express what a
 * linear model cannot: a rule's weak signal AND a structural fact AND a name word.
 */

/** One tree in flat arrays: node i tests `tests[i]` (−1: a leaf holding `values[i]`). */
export interface BoostedTree {
  /** Index into the model's tests, or −1 for a leaf. */
  tests: readonly number[];
  /** Child node when the test holds. */
  present: readonly number[];
  /** Child node when it does not. */
  absent: readonly number[];
  /** A leaf's score (0 for internal nodes). */
  values: readonly number[];
}

/** One binary test: the feature's value is at least `atLeast` (a missing feature is 0). */
export interface FeatureTest {
  feature: string;
  atLeast: number;
}

/** One boosted ensemble per output: a starting log-odds and the trees added to it. */
export interface BoostedEnsemble {
  bias: number;
  trees: readonly BoostedTree[];
}

/** The log-odds of one ensemble for a unit whose tests have been evaluated (`passes[t]`: test t holds). */
export function ensembleScore(ensemble: BoostedEnsemble, passes: (test: number) => boolean): number {
  let score = ensemble.bias;
  for (const tree of ensemble.trees) {
    let node = 0;
    while (tree.tests[node]! >= 0) node = passes(tree.tests[node]!) ? tree.present[node]! : tree.absent[node]!;
    score += tree.values[node]!;
  }
  return score;
}

/** Which of the tests a unit's features pass (one lookup per test). */
export function passedTests(tests: readonly FeatureTest[], features: ReadonlyMap<string, number>): Uint8Array {
  const passed = new Uint8Array(tests.length);
  tests.forEach((test, index) => {
    if ((features.get(test.feature) ?? 0) >= test.atLeast) passed[index] = 1;
  });
  return passed;
}
