import { describe, expect, it } from "vitest";
import type { DesignPatternKind } from "@/lib/domain";
import { chooseCuts, evaluateCuts, noCuts, type CutSettings } from "../../../scripts/kind-training/cuts";
import type { Example } from "../../../scripts/kind-training/dataset";
import { kinds } from "../../../scripts/kind-training/fit";

const retry = kinds.indexOf("retry_backoff");

function example(options: { package: string; labelled?: boolean; kinds?: DesignPatternKind[]; heuristic?: DesignPatternKind[]; retryProbability: number }): [Example, number[]] {
  const value: Example = { package: options.package, split: "tune", labelled: options.labelled ?? true, kinds: new Set(options.kinds ?? []), heuristic: new Set(options.heuristic ?? []), features: new Map(), origin: options.package };
  return [value, kinds.map((_, k) => (k === retry ? options.retryProbability : 0))];
}

const settings: CutSettings = { targetPrecision: 0.85, floodCap: 0.03, marginalPrecision: 0.6, removalRatio: 2, floodCost: 0.5, minimumRecall: 0.5, minimumPackages: 3 };

describe("chooseCuts", () => {
  it("adds a kind the rule missed when the units it gains come from enough packages", () => {
    const scored = new Map([
      ...["p1", "p2", "p3"].map((name) => example({ package: name, kinds: ["retry_backoff"], retryProbability: 0.8 })),
      example({ package: "p4", kinds: ["retry_backoff"], heuristic: ["retry_backoff"], retryProbability: 0.9 }),
      ...Array.from({ length: 10 }, (_, index) => example({ package: `n${index}`, retryProbability: 0.1 })),
    ]);
    const cuts = chooseCuts(scored, settings);
    expect(cuts.add[retry]).toBeLessThanOrEqual(0.8);
    expect(cuts.add[retry]).toBeGreaterThan(0.1);
    expect(evaluateCuts(scored, cuts).counts[retry]).toEqual({ tp: 4, fp: 0, fn: 0 });
  });

  it("refuses an addition whose gains all come from one package", () => {
    const scored = new Map([
      ...Array.from({ length: 3 }, () => example({ package: "p1", kinds: ["retry_backoff"], retryProbability: 0.8 })),
      ...Array.from({ length: 10 }, (_, index) => example({ package: `n${index}`, retryProbability: 0.1 })),
    ]);
    expect(chooseCuts(scored, settings).add[retry]).toBe(noCuts().add[retry]);
  });

  it("removes the rule's kind where the model is confident the rule is wrong, in several packages", () => {
    const scored = new Map([
      ...["p1", "p2", "p3"].map((name) => example({ package: name, heuristic: ["retry_backoff"], retryProbability: 0.05 })),
      ...["p4", "p5"].map((name) => example({ package: name, kinds: ["retry_backoff"], heuristic: ["retry_backoff"], retryProbability: 0.9 })),
    ]);
    const cuts = chooseCuts(scored, settings);
    expect(cuts.remove[retry]).toBeGreaterThan(0.05);
    expect(evaluateCuts(scored, cuts).counts[retry]).toEqual({ tp: 2, fp: 0, fn: 0 });
  });
});
