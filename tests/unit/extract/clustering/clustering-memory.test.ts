import { describe, expect, it } from "vitest";
import type { FileExtraction } from "@/lib/domain";
import { buildPatterns, buildRepoModel, ClusteringMemory } from "@/lib/extract/clustering";
import { collectReferences } from "@/lib/extract/clustering/collect-references";
import { collectReferencesIncrementally, ReferenceMemory } from "@/lib/extract/clustering/collect-references-incrementally";
import type { Reference } from "@/lib/extract/clustering/resolve-references";
import { extractFile } from "@/lib/extract/extract-file";
import { detectLanguage } from "@/lib/extract/syntax-tree";
import { applyRandomEdit, randomSource, startingTree } from "@/tests/support/random-edits";

async function extract(file: string, source: string): Promise<FileExtraction> {
  return extractFile({ file, source, language: detectLanguage(file)! });
}

// A reference as compared: its ends by id and whether each end is the very unit object of the run
// (a reference kept from an earlier run must not point at a unit object that run replaced).
function comparable(model: ReturnType<typeof buildRepoModel>, reference: Reference) {
  const current = (unit: Reference["to"] | undefined) => unit === undefined || model.unitById.get(unit.id) === unit;
  return [reference.fromFile, reference.from?.id, reference.to.id, reference.written, reference.via, reference.line, reference.confidence, current(reference.from), current(reference.to)];
}

describe("ClusteringMemory", { timeout: 300_000 }, () => {
  it("gives exactly what a run without memory gives, along random edit sequences", async () => {
    for (const seed of [1, 2, 3]) {
      const random = randomSource(seed);
      const tree = await startingTree();
      const memory = new ClusteringMemory();
      const references = new ReferenceMemory();
      // The long-running process: an unchanged file keeps its extraction object (the extraction cache).
      const kept = new Map<string, { source: string; extraction: FileExtraction }>();
      for (let step = 0; step < 14; step++) {
        const applied = step === 0 ? "start" : applyRandomEdit(tree, random, step);
        if (applied === null) continue;
        for (const file of kept.keys()) if (!tree.has(file)) kept.delete(file);
        for (const [file, source] of tree) {
          if (kept.get(file)?.source !== source) kept.set(file, { source, extraction: await extract(file, source) });
        }
        const files = [...kept.values()].map((entry) => entry.extraction);
        const model = buildRepoModel(files);
        const resolved = collectReferencesIncrementally(model, references).map((reference) => comparable(model, reference));
        expect(resolved, `seed ${seed}, step ${step}: ${applied}`).toEqual(collectReferences(model).map((reference) => comparable(model, reference)));
        const remembered = buildPatterns({ files, memory });
        const fresh = buildPatterns({ files: await Promise.all([...tree].map(([file, source]) => extract(file, source))) });
        expect(remembered.patterns, `seed ${seed}, step ${step}: ${applied}`).toEqual(fresh.patterns);
        expect(remembered.relationships, `seed ${seed}, step ${step}: ${applied}`).toEqual(fresh.relationships);
      }
    }
  });

  it("resolves again the unchanged files whose references a changed file reaches", async () => {
    const a = await extract("app/rows.py", "def fetch_rows(database):\n    return database.query('select 1')\n");
    const b = await extract("app/report.py", "def report(database):\n    rows = fetch_rows(database)\n    return len(rows)\n");
    const c = await extract("app/other.py", "def other(value):\n    return value\n");
    const memory = new ReferenceMemory();
    const run = (files: typeof a[]) => {
      const model = buildRepoModel(files);
      return { model, references: collectReferencesIncrementally(model, memory) };
    };
    const first = run([a, b, c]);
    expect(first.references.map((reference) => [reference.fromFile, reference.to.qualname, reference.confidence])).toEqual([["app/report.py", "fetch_rows", 0.5]]);
    // The called file changed (new unit objects): the caller's reference points at the new one.
    const changedA = await extract("app/rows.py", "def fetch_rows(database):\n    found = database.query('select 1')\n    return found\n");
    const second = run([changedA, b, c]);
    expect(second.references[0].to).toBe(second.model.unitById.get(second.references[0].to.id));
    expect(second.references[0].to).not.toBe(first.references[0].to);
    // Another file defines the same name: it is no longer unique, the caller's guess goes.
    const shadowing = await extract("app/other.py", "def other(value):\n    return value\n\n\ndef fetch_rows(cursor):\n    return cursor.fetchall()\n");
    expect(run([changedA, b, shadowing]).references).toEqual([]);
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
