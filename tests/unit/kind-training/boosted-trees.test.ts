import { describe, expect, it } from "vitest";
import { ensembleScore } from "../../../scripts/kind-training/boosted-trees";
import { trainBoostedTrees, type BoostingOptions, type BoostingSample } from "../../../scripts/kind-training/train-boosted-trees";

// Tests 0 and 1 decide the target by exclusive or (no linear model can express it); test 2 is
// noise. Test 0 holds on three samples in four and test 1 on one in three, so the first split
// already gains (on a perfectly balanced exclusive or no single test gains, for any greedy tree).
const samples: BoostingSample[] = Array.from({ length: 120 }, (_, index) => {
  const first = index % 4 !== 0;
  const second = Math.floor(index / 4) % 3 === 0;
  const passed = [...(first ? [0] : []), ...(second ? [1] : []), ...(index % 5 === 0 ? [2] : [])];
  return { passed, target: first !== second ? 1 : 0, weight: index < 90 ? 1 : 0.5 };
});
const options: BoostingOptions = { testCount: 3, rounds: 100, depth: 2, learningRate: 0.3, l2: 1, minChildWeight: 0.5, columnShare: 1, seed: 7 };
const probability = (passed: number[]) => {
  const ensemble = trainBoostedTrees(samples, options);
  return 1 / (1 + Math.exp(-ensembleScore(ensemble, (test) => passed.includes(test))));
};

describe("trainBoostedTrees", () => {
  it("learns a conjunction a linear model cannot express (exclusive or of two tests)", () => {
    expect(probability([0])).toBeGreaterThan(0.8);
    expect(probability([1])).toBeGreaterThan(0.8);
    expect(probability([])).toBeLessThan(0.2);
    expect(probability([0, 1])).toBeLessThan(0.2);
  });

  it("is deterministic: the same samples and seed give the same trees", () => {
    expect(trainBoostedTrees(samples, options)).toEqual(trainBoostedTrees(samples, options));
  });

  it("uses only the tests its column share leaves it (none: every tree is one leaf)", () => {
    const ensemble = trainBoostedTrees(samples, { ...options, columnShare: 0 });
    for (const tree of ensemble.trees) expect(tree.tests).toEqual([-1]);
  });
});
