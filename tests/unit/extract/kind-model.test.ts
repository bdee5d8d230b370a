import { describe, expect, it } from "vitest";
import { extractFile } from "@/lib/extract/extract-file";
import { kindFeaturesOfFile } from "@/lib/extract";
import { classifyKinds, kindProbabilities, shippedKindModel, trainLogisticRegression, type TrainingSample } from "@/lib/extract/kind-model";
import { designPatternKinds } from "@/lib/domain";

const retryModule = `
import time
import random

def call_with_retries(operation, attempts=5, base_delay=0.5):
    """Call the operation, retrying on failure with a growing pause."""
    for attempt in range(attempts):
        try:
            return operation()
        except ConnectionError:
            if attempt == attempts - 1:
                raise
            time.sleep(base_delay * (2 ** attempt) + random.random())

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
`;

describe("the shipped kind model", () => {
  it("loads with a weight row, a bias and a threshold for every kind", () => {
    const model = shippedKindModel();
    expect([...model.kinds].sort()).toEqual([...designPatternKinds].sort());
    expect(model.thresholds).toHaveLength(model.kinds.length);
    expect(model.biases).toHaveLength(model.kinds.length);
    expect(model.weights.size).toBeGreaterThan(100);
    for (const row of model.weights.values()) expect(row).toHaveLength(model.kinds.length);
  });

  it("scores a retry loop highest as retry_backoff from its features alone (without the rules' verdicts)", async () => {
    const units = await kindFeaturesOfFile({ file: "retry.py", source: retryModule, language: "python" });
    const unit = units.find((candidate) => candidate.qualname === "call_with_retries")!;
    const point = units.find((candidate) => candidate.qualname === "Point")!;
    const learned = new Map([...unit.features].filter(([name]) => !name.startsWith("h:")));
    const model = shippedKindModel();
    const index = model.kinds.indexOf("retry_backoff");
    const probabilities = kindProbabilities(model, learned);
    expect(Math.max(...probabilities)).toBe(probabilities[index]);
    expect(probabilities[index]).toBeGreaterThan(kindProbabilities(model, point.features)[index]! * 2);
    // The shipped thresholds may switch a kind off (above 1); switched on where this unit reaches, the
    // classifier reports it with evidence in words.
    const switchedOn = { ...model, thresholds: model.kinds.map((_, kindIndex) => (kindIndex === index ? probabilities[index]! : 1.01)) };
    const [match] = classifyKinds(learned, [], switchedOn).filter((candidate) => candidate.kind === "retry_backoff");
    expect(match?.evidence[0]).toMatch(/^kind classifier 0\.\d\d: .+/);
  });

  it("gives a plain data class no kind", async () => {
    const extraction = await extractFile({ file: "retry.py", source: retryModule, language: "python" });
    const point = extraction.units.filter((unit) => unit.qualname === "Point" || unit.qualname.startsWith("Point."));
    expect(point.length).toBeGreaterThan(0);
    for (const unit of point) expect({ unit: unit.qualname, kinds: unit.patterns.map((match) => match.kind) }).toEqual({ unit: unit.qualname, kinds: [] });
  });
});

describe("trainLogisticRegression", () => {
  // Feature 0 marks output 0, feature 1 marks output 1, feature 2 is noise on every sample.
  const samples: TrainingSample[] = Array.from({ length: 40 }, (_, index) => {
    const output = index % 2;
    return { indices: [output, 2], values: [1, (index % 5) / 5], targets: [output === 0 ? 1 : 0, output === 1 ? 1 : 0], weight: index < 30 ? 1 : 0.5 };
  });
  const options = { featureCount: 3, outputCount: 2, l2: 0.001, iterations: 200, learningRate: 1 };

  it("is deterministic: the same samples give the same model, bit for bit", () => {
    const first = trainLogisticRegression(samples, options);
    const second = trainLogisticRegression(samples, options);
    expect([...first.weights]).toEqual([...second.weights]);
    expect([...first.biases]).toEqual([...second.biases]);
  });

  it("learns which feature marks which output", () => {
    const model = trainLogisticRegression(samples, options);
    expect(model.weights[0 * 2 + 0]).toBeGreaterThan(1);
    expect(model.weights[0 * 2 + 1]).toBeLessThan(-1);
    expect(model.weights[1 * 2 + 1]).toBeGreaterThan(1);
    expect(Math.abs(model.weights[2 * 2 + 0]!)).toBeLessThan(Math.abs(model.weights[0]!));
  });
});
