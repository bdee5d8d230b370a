import { describe, expect, it } from "vitest";
import type { DesignPatternKind } from "@/lib/domain";
import { oracleCeilings, signalShares } from "../../../scripts/kind-training/ceilings";
import { barKinds } from "../../../scripts/kind-training/curve-counts";
import { logFit, saturatingFit } from "../../../scripts/kind-training/curve-fit";
import { largestScored, runSeed, standardPolicies } from "../../../scripts/kind-training/curve-run";
import type { Example } from "../../../scripts/kind-training/dataset";
import { kinds } from "../../../scripts/kind-training/fit";

const retry = kinds.indexOf("retry_backoff");
const retryBar = barKinds.indexOf("retry_backoff");

function example(options: { package: string; labelled?: boolean; kinds?: DesignPatternKind[]; heuristic?: DesignPatternKind[]; features?: string[]; retryProbability: number }): [Example, number[]] {
  const value: Example = {
    package: options.package,
    split: "held-out",
    labelled: options.labelled ?? true,
    kinds: new Set(options.kinds ?? []),
    heuristic: new Set(options.heuristic ?? []),
    features: new Map((options.features ?? []).map((name) => [name, 1])),
    origin: options.package,
  };
  return [value, kinds.map((_, k) => (k === retry ? options.retryProbability : 0))];
}

describe("logFit", () => {
  it("finds where a recall growing with ln k reaches the target, and never for a flat curve", () => {
    const points = [8, 16, 32, 64].map((size) => ({ size, recall: 0.3 + 0.05 * Math.log(size) }));
    const fitted = logFit(points, 0.7);
    expect(fitted.slope).toBeCloseTo(0.05, 6);
    expect(fitted.needed).toBeCloseTo(Math.exp(0.4 / 0.05), 0);
    expect(logFit([8, 16, 32].map((size) => ({ size, recall: 0.5 })), 0.7).needed).toBe(Number.POSITIVE_INFINITY);
  });

  it("puts the saturating fit's level where recall = c − d/√k levels off", () => {
    const points = [4, 16, 64].map((size) => ({ size, recall: 0.6 - 0.4 / Math.sqrt(size) }));
    expect(saturatingFit(points).level).toBeCloseTo(0.6, 6);
  });
});

describe("oracleCeilings", () => {
  it("adds the missed positives a threshold separates and keeps precision at the target", () => {
    const scored = new Map([
      ...["p1", "p2", "p3"].map((name) => example({ package: name, kinds: ["retry_backoff"], retryProbability: 0.6 })),
      example({ package: "p4", kinds: ["retry_backoff"], retryProbability: 0.05 }),
      ...["n1", "n2"].map((name) => example({ package: name, retryProbability: 0.3 })),
    ]);
    const { perKindTarget, micro } = oracleCeilings(scored, 0.85);
    expect(perKindTarget.perKind[retryBar]).toEqual({ tp: 3, fp: 0, fn: 1 });
    expect(micro.total).toEqual({ tp: 3, fp: 0, fn: 1 });
  });
});

describe("signalShares", () => {
  it("counts positives carrying a rule, the kind's lexicon or some probability, and the same signal elsewhere", () => {
    const scored = new Map([
      example({ package: "p1", kinds: ["retry_backoff"], heuristic: ["adapter"], retryProbability: 0 }),
      example({ package: "p2", kinds: ["retry_backoff"], features: ["lex:retry_backoff-name"], retryProbability: 0 }),
      example({ package: "p3", kinds: ["retry_backoff"], retryProbability: 0.2 }),
      example({ package: "p4", kinds: ["retry_backoff"], retryProbability: 0.01 }),
      example({ package: "n1", labelled: false, retryProbability: 0.5 }),
      example({ package: "n2", kinds: ["adapter"], retryProbability: 0 }),
    ]);
    const share = signalShares(scored, 0.05)[retryBar]!;
    expect(share).toMatchObject({ positives: 4, anyRule: 1, ownRule: 0, lexicon: 1, probability: 1, union: 3, others: 1, othersWithSignal: 0, background: 1, backgroundWithSignal: 1 });
  });
});

describe("runSeed", () => {
  it("scores every package once per size, on models that never saw it", () => {
    const examples = Array.from({ length: 12 }, (_, index) => example({ package: `p${index}`, kinds: ["retry_backoff"], retryProbability: 0 })[0]);
    const seen: string[][] = [];
    const result = runSeed({
      examples,
      seed: 3,
      sizes: [2, 100],
      outerFolds: 3,
      innerFolds: 2,
      policies: standardPolicies({ targetPrecision: 0.87, floodCap: 0.03, marginalPrecision: 0.6, removalRatio: 2, floodCost: 0.5, minimumRecall: 0.5, minimumPackages: 3 }),
      train: (training) => {
        const names = training.map((one) => one.package);
        seen.push(names);
        return (scoredExample) => kinds.map((_, k) => (k === retry && !names.includes(scoredExample.package) ? 0.01 : 0.99));
      },
    });
    for (const size of [2, 100]) expect(result.tallies.get(size)!.get("rules alone")!.all.counts[retry]).toEqual({ tp: 0, fp: 0, fn: 12 });
    expect(largestScored(result).size).toBe(12);
    expect([...largestScored(result).values()].every((probabilities) => probabilities[retry] === 0.01)).toBe(true);
    expect(seen.some((names) => new Set(names).size === 2)).toBe(true);
  });
});
