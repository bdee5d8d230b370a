import { describe, expect, it } from "vitest";
import type { DesignPatternKind } from "@/lib/domain";
import type { Example } from "../../../scripts/kind-training/dataset";
import { kinds } from "../../../scripts/kind-training/fit";
import { chooseThresholds, type ThresholdSettings } from "../../../scripts/kind-training/thresholds";

const retry = kinds.indexOf("retry_backoff");

function example(options: { labelled?: boolean; kinds?: DesignPatternKind[]; heuristic?: DesignPatternKind[]; retryProbability: number }): [Example, number[]] {
  const value: Example = { package: "p", split: "tune", labelled: options.labelled ?? true, kinds: new Set(options.kinds ?? []), heuristic: new Set(options.heuristic ?? []), features: new Map(), origin: "p" };
  return [value, kinds.map((_, k) => (k === retry ? options.retryProbability : 0))];
}

/**
 * A rule that finds 6 of 10 retries and also fires on 4 unlabelled units (with penalty 1 its
 * precision is 6/10, and 9/13 with the model: under both 0.9 and the 0.75 fallback); the model
 * adds 3 of the 4 it missed at 0.6 and nothing else above 0.25.
 */
function ruleUnderTarget(): Map<Example, number[]> {
  return new Map([
    ...Array.from({ length: 6 }, () => example({ kinds: ["retry_backoff"], heuristic: ["retry_backoff"], retryProbability: 0.2 })),
    ...Array.from({ length: 4 }, () => example({ labelled: false, heuristic: ["retry_backoff"], retryProbability: 0.2 })),
    ...Array.from({ length: 3 }, () => example({ kinds: ["retry_backoff"], retryProbability: 0.6 })),
    example({ kinds: ["retry_backoff"], retryProbability: 0.1 }),
    ...Array.from({ length: 5 }, () => example({ labelled: false, retryProbability: 0.25 })),
  ]);
}

const settings = (judge: ThresholdSettings["judge"]): ThresholdSettings => ({ targetPrecision: 0.9, backgroundPenalty: 1, judge });

describe("chooseThresholds", () => {
  it("judged by the units it adds, gives a threshold to a kind whose rule alone is under the target", () => {
    const threshold = chooseThresholds(ruleUnderTarget(), settings("added"))[retry]!;
    expect(threshold).toBeGreaterThan(0.25);
    expect(threshold).toBeLessThanOrEqual(0.6);
  });

  it("judged with the rule's own false positives (sessions 8–13), gives that kind none", () => {
    expect(chooseThresholds(ruleUnderTarget(), settings("combined"))[retry]).toBe(1.01);
  });

  it("gives none when what the model adds is mostly unlabelled code", () => {
    const scored = new Map([
      ...Array.from({ length: 4 }, () => example({ kinds: ["retry_backoff"], heuristic: ["retry_backoff"], retryProbability: 0.9 })),
      example({ kinds: ["retry_backoff"], retryProbability: 0.5 }),
      ...Array.from({ length: 3 }, () => example({ labelled: false, retryProbability: 0.5 })),
    ]);
    expect(chooseThresholds(scored, settings("added"))[retry]).toBe(1.01);
  });
});
