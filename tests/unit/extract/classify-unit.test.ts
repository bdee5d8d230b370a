import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { discoverFiles } from "@/lib/extract/discover";
import { parserFor } from "@/lib/extract/extract-file";
import { designPatternFeatures } from "@/lib/extract/detectors";
import { DetectorContext } from "@/lib/extract/detectors/detector";
import { classifyKinds, classifyUnit, kindModelFrom, shippedKindModel, type KindModel } from "@/lib/extract/kind-model";
import { CodeLineIndex } from "@/lib/extract/metrics/code-line-index";
import { mirrorTree, parseSource } from "@/lib/extract/syntax-tree";
import { buildUnit } from "@/lib/extract/units/build-unit";
import { findUnits } from "@/lib/extract/units/find-units";
import type { PatternMatch } from "@/lib/domain";

interface Comparison {
  unit: string;
  whole: PatternMatch[];
  staged: PatternMatch[];
}

// Every unit of the fixture repositories, classified both ways under `model`.
async function classifyFixtures(model: KindModel): Promise<Comparison[]> {
  const { files } = await discoverFiles({ paths: ["tests/fixtures/repos", "tests/fixtures/python", "tests/fixtures/typescript", "tests/fixtures/javascript"], cwd: process.cwd() });
  const comparisons: Comparison[] = [];
  for (const file of files) {
    const source = await readFile(file.path, "utf8");
    const { tree, module } = parseSource(await parserFor(file.language), source);
    const root = mirrorTree(tree!, source, module);
    tree!.delete();
    const found = findUnits({ root, source, language: file.language });
    const lines = new CodeLineIndex(source, found.comments);
    for (const draft of found.units) {
      const unit = buildUnit({ draft, file: file.file, language: file.language, source, lines });
      const input = { node: draft.node, unit, language: file.language, fileImports: found.imports, source };
      const { heuristic, features } = designPatternFeatures(input);
      comparisons.push({
        unit: `${file.file}:${unit.qualname}`,
        whole: classifyKinds(features, heuristic, model),
        staged: classifyUnit(new DetectorContext(input), heuristic, model),
      });
    }
  }
  return comparisons;
}

// The shipped model with every kind switched on at `threshold`, so the staged path is tried on all fourteen.
function everyKindAt(threshold: number): KindModel {
  const shipped = shippedKindModel();
  return kindModelFrom({
    kinds: [...shipped.kinds],
    thresholds: shipped.kinds.map(() => threshold),
    biases: [...shipped.biases],
    weights: Object.fromEntries([...shipped.weights].map(([name, row]) => [name, [...row]])),
  } as Parameters<typeof kindModelFrom>[0]);
}

describe("classifyUnit", () => {
  it("reports what the classifier reports on every unit's whole features (shipped model)", async () => {
    const comparisons = await classifyFixtures(shippedKindModel());
    expect(comparisons.length).toBeGreaterThan(50);
    for (const { unit, whole, staged } of comparisons) expect({ unit, kinds: staged }).toEqual({ unit, kinds: whole });
  });

  it("reports the same with every kind switched on, at thresholds some units reach and most do not", async () => {
    for (const threshold of [0.02, 0.1, 0.2]) {
      const comparisons = await classifyFixtures(everyKindAt(threshold));
      const reported = comparisons.filter((comparison) => comparison.whole.length > 0).length;
      expect(reported).toBeGreaterThan(0);
      expect(reported).toBeLessThan(comparisons.length);
      for (const { unit, whole, staged } of comparisons) expect({ threshold, unit, kinds: staged }).toEqual({ threshold, unit, kinds: whole });
    }
  });
});
