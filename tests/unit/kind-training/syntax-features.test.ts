import { describe, expect, it } from "vitest";
import type { DesignPatternKind, Language } from "@/lib/domain";
import { kindFeaturesOfFile, type UnitFeatures } from "@/lib/extract";
import type { Example } from "../../../scripts/kind-training/dataset";
import { kinds } from "../../../scripts/kind-training/fit";
import { fitNeighbours } from "../../../scripts/kind-training/nearest-neighbours";
import { syntaxFeatures } from "../../../scripts/kind-training/syntax-features";

/** The syntax features of each unit of a source, read through the trainer's hook (the file's one parse). */
async function unitsOf(source: string, language: Language, file: string): Promise<Map<string, UnitFeatures>> {
  const read = new Map<string, UnitFeatures>();
  const units = await kindFeaturesOfFile({ file, source, language, moreFeatures: (node, unitLanguage) => syntaxFeatures(node, unitLanguage) });
  for (const unit of units) read.set(unit.qualname, new Map([...unit.features].filter(([name]) => /^(ast|asw|ng|nw|call|ctl):/.test(name))));
  return read;
}

const pythonRetry = `
import time

def fetch_with_retry(client, url):
    for attempt in range(5):
        try:
            return client.get(url)
        except IOError:
            time.sleep(2 ** attempt)
`;

const typescriptRetry = `
export async function fetchWithRetry(client: Client, url: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await client.get(url);
    } catch (error) {
      await sleep(2 ** attempt);
    }
  }
}
`;

const pythonPlain = `
def total(prices):
    return sum(price.amount for price in prices)
`;

describe("syntaxFeatures", () => {
  it("gives a retry loop the same control shape in Python and TypeScript, and a plain sum none of it", async () => {
    const python = (await unitsOf(pythonRetry, "python", "retry.py")).get("fetch_with_retry")!;
    const typescript = (await unitsOf(typescriptRetry, "typescript", "retry.ts")).get("fetchWithRetry")!;
    const plain = (await unitsOf(pythonPlain, "python", "total.py")).get("total")!;
    const controlOf = (features: UnitFeatures) => new Set([...features.keys()].filter((name) => name.startsWith("ctl:")));
    const shared = [...controlOf(python)].filter((name) => controlOf(typescript).has(name));
    expect(shared.length).toBeGreaterThan(0);
    expect(shared.some((name) => plain.has(name))).toBe(false);
    expect(python.size).toBeGreaterThan(plain.size);
  });

  it("is the same for the same code (hashed names are stable)", async () => {
    const first = (await unitsOf(pythonRetry, "python", "a.py")).get("fetch_with_retry")!;
    const second = (await unitsOf(pythonRetry, "python", "b.py")).get("fetch_with_retry")!;
    expect([...first.keys()].sort()).toEqual([...second.keys()].sort());
  });
});

describe("fitNeighbours", () => {
  const retry = kinds.indexOf("retry_backoff");
  const unit = (name: string, features: string[], labelled: boolean, unitKinds: DesignPatternKind[]): Example => ({
    package: name,
    split: "tune",
    labelled,
    kinds: new Set(unitKinds),
    heuristic: new Set(),
    features: new Map(features.map((feature) => [feature, 1])),
    origin: name,
  });

  it("scores a unit by the kinds of the training units it resembles", () => {
    const training = [
      unit("p1", ["ctl:1", "ctl:2", "call:3"], true, ["retry_backoff"]),
      unit("p2", ["ctl:1", "ctl:2", "call:4"], true, ["retry_backoff"]),
      unit("p3", ["ctl:1", "ctl:2", "call:3"], true, ["retry_backoff"]),
      ...Array.from({ length: 12 }, (_, index) => unit(`q${index}`, ["ng:5", "ng:6", `nw:${index % 4}`], false, [])),
    ];
    const score = fitNeighbours(training, { minPackages: 3, k: 5, maxDocumentShare: 0.9, backgroundWeight: 1 });
    expect(score(unit("t1", ["ctl:1", "ctl:2", "call:3"], true, []))[retry]).toBeCloseTo(1);
    expect(score(unit("t2", ["ng:5", "ng:6", "nw:1"], true, []))[retry]).toBe(0);
  });
});
