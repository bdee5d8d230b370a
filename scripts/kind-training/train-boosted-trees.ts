import type { BoostedEnsemble, BoostedTree } from "./boosted-trees";

/** One training sample over binary tests: the indices of the tests it passes, its label and its weight. */
export interface BoostingSample {
  passed: readonly number[];
  target: 0 | 1;
  weight: number;
}

/** How to boost. */
export interface BoostingOptions {
  testCount: number;
  rounds: number;
  /** Levels of tests per tree (2^depth leaves at most). */
  depth: number;
  /** Shrinkage applied to every leaf. */
  learningRate: number;
  /** L2 penalty on leaf values (XGBoost's lambda). */
  l2: number;
  /** A split must leave at least this much hessian weight on each side. */
  minChildWeight: number;
  /** Share of tests each tree may use (chosen per tree by a seeded generator). */
  columnShare: number;
  seed: number;
}

/** A small seeded generator (mulberry32): same seed, same trees. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Split {
  test: number;
  gain: number;
}

interface Work {
  samples: readonly BoostingSample[];
  gradients: Float64Array;
  hessians: Float64Array;
  allowed: Uint8Array;
  options: BoostingOptions;
  sumG: Float64Array;
  sumH: Float64Array;
  passedSets: readonly ReadonlySet<number>[];
}

function bestSplit(work: Work, members: readonly number[]): Split | undefined {
  const { samples, gradients, hessians, allowed, options, sumG, sumH } = work;
  let totalG = 0;
  let totalH = 0;
  const touched: number[] = [];
  for (const member of members) {
    const g = gradients[member]!;
    const h = hessians[member]!;
    totalG += g;
    totalH += h;
    for (const test of samples[member]!.passed) {
      if (!allowed[test]) continue;
      if (sumH[test] === 0 && sumG[test] === 0) touched.push(test);
      sumG[test]! += g;
      sumH[test]! += h;
    }
  }
  const parent = (totalG * totalG) / (totalH + options.l2);
  let best: Split | undefined;
  for (const test of touched) {
    const leftG = sumG[test]!;
    const leftH = sumH[test]!;
    const rightG = totalG - leftG;
    const rightH = totalH - leftH;
    sumG[test] = 0;
    sumH[test] = 0;
    if (leftH < options.minChildWeight || rightH < options.minChildWeight) continue;
    const gain = (leftG * leftG) / (leftH + options.l2) + (rightG * rightG) / (rightH + options.l2) - parent;
    if (gain > 1e-9 && (!best || gain > best.gain || (gain === best.gain && test < best.test))) best = { test, gain };
  }
  return best;
}

function leafValue(work: Work, members: readonly number[]): number {
  let g = 0;
  let h = 0;
  for (const member of members) {
    g += work.gradients[member]!;
    h += work.hessians[member]!;
  }
  return (-g / (h + work.options.l2)) * work.options.learningRate;
}

function growTree(work: Work, members: number[]): BoostedTree {
  const tree = { tests: [] as number[], present: [] as number[], absent: [] as number[], values: [] as number[] };
  const grow = (nodeMembers: number[], depth: number): number => {
    const node = tree.tests.length;
    tree.tests.push(-1);
    tree.present.push(-1);
    tree.absent.push(-1);
    tree.values.push(0);
    const split = depth < work.options.depth ? bestSplit(work, nodeMembers) : undefined;
    if (!split) {
      tree.values[node] = leafValue(work, nodeMembers);
      return node;
    }
    const passing = nodeMembers.filter((member) => work.passedSets[member]!.has(split.test));
    const failing = nodeMembers.filter((member) => !work.passedSets[member]!.has(split.test));
    tree.tests[node] = split.test;
    tree.present[node] = grow(passing, depth + 1);
    tree.absent[node] = grow(failing, depth + 1);
    return node;
  };
  grow(members, 0);
  return tree;
}

function treeScore(tree: BoostedTree, passed: ReadonlySet<number>): number {
  let node = 0;
  while (tree.tests[node]! >= 0) node = passed.has(tree.tests[node]!) ? tree.present[node]! : tree.absent[node]!;
  return tree.values[node]!;
}

/**
 * Boosts trees on the weighted logistic loss (Newton steps, as XGBoost does: leaf = −G / (H + λ)).
 * Deterministic: the same samples, options and seed give the same ensemble.
 */
export function trainBoostedTrees(samples: readonly BoostingSample[], options: BoostingOptions): BoostedEnsemble {
  const random = generator(options.seed);
  const totalWeight = samples.reduce((sum, sample) => sum + sample.weight, 0) || 1;
  const positive = samples.reduce((sum, sample) => sum + sample.weight * sample.target, 0);
  const rate = Math.min(Math.max(positive / totalWeight, 1e-4), 1 - 1e-4);
  const bias = Math.log(rate / (1 - rate));
  const scores = new Float64Array(samples.length).fill(bias);
  const passedSets = samples.map((sample) => new Set(sample.passed));
  const work: Work = {
    samples,
    gradients: new Float64Array(samples.length),
    hessians: new Float64Array(samples.length),
    allowed: new Uint8Array(options.testCount),
    options,
    sumG: new Float64Array(options.testCount),
    sumH: new Float64Array(options.testCount),
    passedSets,
  };
  const members = samples.map((_, index) => index);
  const trees: BoostedTree[] = [];
  for (let round = 0; round < options.rounds; round++) {
    samples.forEach((sample, index) => {
      const probability = 1 / (1 + Math.exp(-scores[index]!));
      work.gradients[index] = sample.weight * (probability - sample.target);
      work.hessians[index] = sample.weight * Math.max(probability * (1 - probability), 1e-6);
    });
    for (let test = 0; test < options.testCount; test++) work.allowed[test] = random() < options.columnShare ? 1 : 0;
    const tree = growTree(work, members);
    trees.push(tree);
    passedSets.forEach((passed, index) => (scores[index]! += treeScore(tree, passed)));
  }
  return { bias, trees };
}
