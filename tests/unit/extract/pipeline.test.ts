import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractPaths, plannedWorkers, PrintableJsonWriter, printableJsonChunks, toPrintableResult, type ExtractionRun } from "@/lib/extract";
import { decodeSource } from "@/lib/extract/pipeline";
import { workerScript } from "@/lib/extract/worker/worker-script";
import { writeSampleProject } from "../../support/extract-sample-project";

let root: string;
const jobModules = Array.from({ length: 40 }, (_, index) => `jobs/job_${String(index).padStart(2, "0")}.py`);
const extractedFiles = [...jobModules, "service/retry.py", "web/events.js", "web/query-builder.ts"];
let single: ExtractionRun;
let parallel: ExtractionRun;

function withoutTiming(run: ExtractionRun) {
  const { durationMs: _duration, jobs: _jobs, ...stats } = run.stats;
  return { ...run, stats };
}

beforeAll(async () => {
  root = writeSampleProject({ modules: jobModules.length });
  writeFileSync(path.join(root, "service/huge_table.py"), `TABLE = [\n${"    1,\n".repeat(400_000)}]\n`);
  single = await extractPaths({ paths: ["."], cwd: root, jobs: 1 });
  parallel = await extractPaths({ paths: ["."], cwd: root, jobs: 2 });
}, 60_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("extractPaths", () => {
  it("extracts every readable source file, naming files relative to the working directory", () => {
    expect([...new Set(single.units.map((unit) => unit.file))]).toEqual(extractedFiles);
    const qualnames = single.units.map((unit) => unit.qualname);
    expect(qualnames).toEqual(expect.arrayContaining(["call_with_retry", "Settings", "Settings.__new__", "QueryBuilder.where", "createEmitter"]));
    expect(single.stats.files).toBe(43);
    expect(single.stats.units).toBe(single.units.length);
  });

  it("reports unreadable files with a reason and goes on with the rest", () => {
    expect(single.failures.map((failure) => failure.file)).toEqual(["broken/binary.py", "broken/latin1.py", "broken/unparsable.py", "service/huge_table.py"]);
    expect(single.failures[0].reason).toBe("binary file (contains NUL bytes)");
    expect(single.failures[1].reason).toBe("invalid UTF-8 text");
    expect(single.failures[3].reason).toBe("file too large (2.7 MB, limit 2 MB)");
    expect(single.stats.filesFailed).toBe(4);
    expect(single.skipped).toEqual([{ file: "web/schema.generated.ts", reason: "generated file" }]);
  });

  it("gives the same result for one and for several worker threads", () => {
    expect(parallel.stats.jobs).toBe(2);
    expect(single.stats.jobs).toBe(1);
    expect(withoutTiming(parallel)).toEqual(withoutTiming(single));
  });

  it("counts lines, bytes and patterns by type and kind", () => {
    const byType = Object.values(single.stats.patternsByType).reduce((sum, count) => sum + count, 0);
    expect(byType).toBe(single.patterns.length);
    expect(single.stats.patterns).toBe(single.patterns.length);
    const kinds = single.patterns.filter((pattern) => pattern.kind !== null).length;
    expect(Object.values(single.stats.patternsByKind).reduce((sum, count) => sum + count, 0)).toBe(kinds);
    const extracted = extractedFiles.map((file) => readFileSync(path.join(root, file), "utf8"));
    expect(single.stats.bytes).toBe(extracted.reduce((sum, source) => sum + Buffer.byteLength(source), 0));
    expect(single.stats.lines).toBe(extracted.reduce((sum, source) => sum + source.split("\n").length - 1, 0));
  });

  it("keeps only units and patterns within --max-complexity and patterns above --min-quality", async () => {
    const simple = await extractPaths({ paths: ["."], cwd: root, jobs: 1, maxComplexity: 1 });
    expect(simple.units.length).toBeGreaterThan(0);
    expect(simple.units.every((unit) => unit.metrics.cyclomatic <= 1)).toBe(true);
    expect(simple.units.map((unit) => unit.qualname)).not.toContain("call_with_retry");
    expect(simple.patterns.every((pattern) => pattern.complexity <= 1)).toBe(true);
    const scores = single.patterns.map((pattern) => pattern.quality.score).sort((left, right) => left - right);
    const threshold = scores[Math.floor(scores.length / 2)];
    const good = await extractPaths({ paths: ["."], cwd: root, jobs: 1, minQuality: threshold });
    expect(good.patterns.length).toBe(scores.filter((score) => score >= threshold).length);
    expect(good.units.length).toBe(single.units.length);
    const keys = new Set(good.patterns.map((pattern) => pattern.key));
    expect(good.relationships.every((relation) => keys.has(relation.source) && keys.has(relation.target))).toBe(true);
  });
});

describe("printableJsonChunks", () => {
  it("writes exactly the printable result's JSON, in pieces of about the size asked", () => {
    const chunks = [...printableJsonChunks(single, 4096)];
    expect(chunks.join("")).toBe(`${JSON.stringify(toPrintableResult(single))}\n`);
    expect(chunks.length).toBeGreaterThan(10);
    expect(Math.max(...chunks.slice(0, -1).map((chunk) => chunk.length))).toBeLessThan(4096 + 20_000);
  });
});

describe("PrintableJsonWriter", () => {
  it("writes, as files arrive from the workers and after the run, exactly the run's JSON", async () => {
    for (const maxComplexity of [undefined, 2]) {
      const chunks: string[] = [];
      let beforeRunEnded = 0;
      const writer = new PrintableJsonWriter((chunk) => chunks.push(chunk), maxComplexity);
      const run = await extractPaths({ paths: ["."], cwd: root, jobs: 2, maxComplexity, onExtractedInPathOrder: (extraction) => writer.addFile(extraction) });
      beforeRunEnded = chunks.length;
      writer.finish(run);
      expect(chunks.join("")).toBe(`${JSON.stringify(toPrintableResult(run))}\n`);
      // The opening and one piece per file with units came before the run's end.
      expect(beforeRunEnded).toBe(1 + new Set(run.units.map((unit) => unit.file)).size);
    }
  });

  it("refuses to finish when the units written are not the run's", () => {
    const writer = new PrintableJsonWriter(() => undefined);
    expect(() => writer.finish(single)).toThrow(/wrote 0 units as files arrived, but the run has \d+/);
  });
});

describe("plannedWorkers", () => {
  it("starts at most jobs workers, each with at least 16 files, and none for a small run", () => {
    expect([plannedWorkers(2, 46), plannedWorkers(8, 40), plannedWorkers(2, 31), plannedWorkers(1, 1000), plannedWorkers(4, 0)]).toEqual([2, 2, 1, 1, 1]);
  });
});

describe("workerScript", () => {
  it("runs workers from one esbuild bundle of the worker, listing every source file it holds", async () => {
    const script = await workerScript();
    expect(script.pathname).toMatch(/\/node_modules\/\.cache\/motif\/extract-worker-[0-9a-f]{16}\/main\.js$/);
    const cacheFolder = path.dirname(path.dirname(script.pathname));
    const manifest = JSON.parse(readFileSync(path.join(cacheFolder, "extract-worker.json"), "utf8"));
    expect(path.join(cacheFolder, manifest.entry)).toBe(script.pathname);
    expect(Object.keys(manifest.inputs)).toEqual(expect.arrayContaining(["lib/extract/extract-file.ts", "lib/extract/worker/extract-worker.ts", "lib/extract/syntax-tree/load-language.ts"]));
  });
});

describe("decodeSource", () => {
  it("decodes UTF-8, drops a byte-order mark and honours a Python coding declaration", () => {
    expect(decodeSource(new TextEncoder().encode("\ufeffx = 'é'\n"), "python")).toEqual({ source: "x = 'é'\n" });
    const latin1 = Buffer.from("# -*- coding: latin-1 -*-\nx = '\xe9'\n", "latin1");
    expect(decodeSource(latin1, "python")).toEqual({ source: "# -*- coding: latin-1 -*-\nx = 'é'\n" });
    expect(decodeSource(latin1, "javascript")).toEqual({ reason: "invalid UTF-8 text" });
  });

  it("refuses binary content and unknown encodings", () => {
    expect(decodeSource(Uint8Array.from([0x61, 0x00, 0x62]), "typescript")).toEqual({ reason: "binary file (contains NUL bytes)" });
    expect(decodeSource(Buffer.from("# coding: klingon-8\nx = 1\n"), "python")).toEqual({ reason: "unknown encoding klingon-8" });
  });
});
