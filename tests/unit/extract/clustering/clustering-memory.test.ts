import { describe, expect, it } from "vitest";
import type { FileExtraction } from "@/lib/domain";
import { buildPatterns, ClusteringMemory } from "@/lib/extract/clustering";
import { extractFile } from "@/lib/extract/extract-file";
import { detectLanguage } from "@/lib/extract/syntax-tree";
import { applyRandomEdit, randomSource, startingTree } from "@/tests/support/random-edits";

async function extract(file: string, source: string): Promise<FileExtraction> {
  return extractFile({ file, source, language: detectLanguage(file)! });
}

describe("ClusteringMemory", { timeout: 300_000 }, () => {
  it("gives exactly what a run without memory gives, along random edit sequences", async () => {
    for (const seed of [1, 2, 3]) {
      const random = randomSource(seed);
      const tree = await startingTree();
      const memory = new ClusteringMemory();
      // The long-running process: an unchanged file keeps its extraction object (the extraction cache).
      const kept = new Map<string, { source: string; extraction: FileExtraction }>();
      for (let step = 0; step < 14; step++) {
        const applied = step === 0 ? "start" : applyRandomEdit(tree, random, step);
        if (applied === null) continue;
        for (const file of kept.keys()) if (!tree.has(file)) kept.delete(file);
        for (const [file, source] of tree) {
          if (kept.get(file)?.source !== source) kept.set(file, { source, extraction: await extract(file, source) });
        }
        const remembered = buildPatterns({ files: [...kept.values()].map((entry) => entry.extraction), memory });
        const fresh = buildPatterns({ files: await Promise.all([...tree].map(([file, source]) => extract(file, source))) });
        expect(remembered.patterns, `seed ${seed}, step ${step}: ${applied}`).toEqual(fresh.patterns);
        expect(remembered.relationships, `seed ${seed}, step ${step}: ${applied}`).toEqual(fresh.relationships);
      }
    }
  });

  it("gives the same result again over the same files, in new pattern objects", async () => {
    const tree = await startingTree();
    const files = await Promise.all([...tree].map(([file, source]) => extract(file, source)));
    const memory = new ClusteringMemory();
    const first = buildPatterns({ files, memory });
    const second = buildPatterns({ files, memory });
    expect(second).toEqual(first);
    expect(first.patterns.length).toBeGreaterThan(10);
    // Each run tells names apart on its own copies: the first run's patterns are never changed by the second.
    expect(second.patterns[0]).not.toBe(first.patterns[0]);
  });
});
