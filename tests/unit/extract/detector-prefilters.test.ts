/**
 * The detectors' preconditions on real code: a precondition may only be false for a unit its
 * detector reports nothing for. Every detector runs on every unit of a few hundred files of
 * the bench corpora (Debian's Python standard library, the TypeScript and JavaScript sources
 * of packages under node_modules) with the preconditions ignored; a unit whose precondition
 * says "skip" but whose detector matched fails the test, named with its detector and place.
 * When a detector's rules widen, its precondition must widen with them.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { discoverFiles } from "@/lib/extract/discover";
import { decodeSource } from "@/lib/extract/pipeline/decode-source";
import { DetectorContext, detectDesignPatterns, dispatchedDetectors, type DetectDesignPatternsInput } from "@/lib/extract/detectors";
import { parserFor } from "@/lib/extract/extract-file";
import { CodeLineIndex } from "@/lib/extract/metrics/code-line-index";
import { mirrorTree, parseSource } from "@/lib/extract/syntax-tree";
import { buildUnit } from "@/lib/extract/units/build-unit";
import { findUnits } from "@/lib/extract/units/find-units";
import type { Language } from "@/lib/domain";

const filesPerCorpus = 200;
const testFolders = ["test", "tests", "idle_test", "__tests__"];
const scriptPackages = ["zod/src", "openai/src", "@tanstack/query-core/src", "eslint/lib", "commander/lib"];

function pythonStdlib(): string {
  const found = spawnSync("python3", ["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"], { encoding: "utf8" });
  if (found.status !== 0) throw new Error("python3 is needed to find the standard library");
  return found.stdout.trim();
}

// Evenly spaced files, so the sample spans every package of the corpus.
async function sampleFiles(paths: string[]): Promise<Array<{ path: string; file: string; language: Language }>> {
  const { files } = await discoverFiles({ paths, cwd: process.cwd(), exclude: testFolders });
  const step = Math.max(1, files.length / filesPerCorpus);
  const chosen = [];
  for (let index = 0; index < files.length; index += step) chosen.push(files[Math.floor(index)]!);
  return chosen.filter((file) => readFileSync(file.path).length <= 512 * 1024);
}

async function unitsOf(file: { path: string; file: string; language: Language }): Promise<DetectDesignPatternsInput[]> {
  const decoded = decodeSource(readFileSync(file.path), file.language);
  if ("reason" in decoded) return [];
  const { source } = decoded;
  const { tree, module } = parseSource(await parserFor(file.language), source);
  if (!tree) return [];
  const root = mirrorTree(tree, source, module);
  tree.delete();
  const found = findUnits({ root, source, language: file.language });
  const lines = new CodeLineIndex(source, found.comments);
  return found.units.map((draft) => ({
    node: draft.node,
    unit: buildUnit({ draft, file: file.file, language: file.language, source, lines }),
    language: file.language,
    fileImports: found.imports,
    source,
  }));
}

interface Checked {
  units: number;
  skipped: number;
  wrong: string[];
}

async function checkPreconditions(paths: string[]): Promise<Checked> {
  const checked: Checked = { units: 0, skipped: 0, wrong: [] };
  for (const file of await sampleFiles(paths)) {
    for (const input of await unitsOf(file)) {
      checked.units++;
      const context = new DetectorContext(input);
      for (const { kind, detect, precondition } of dispatchedDetectors) {
        if (!precondition || precondition(context.facts)) continue;
        checked.skipped++;
        const match = detect(context);
        if (match) checked.wrong.push(`${kind}: precondition false but the detector matched ${input.unit.file}:${input.unit.startLine} ${input.unit.qualname} (${match.evidence[0] ?? ""})`);
      }
      // The whole answer, the kind check included, is the same with and without prefilters.
      const fast = JSON.stringify(detectDesignPatterns(input));
      const full = JSON.stringify(detectDesignPatterns(input, { prefilters: false }));
      if (fast !== full) checked.wrong.push(`${input.unit.file}:${input.unit.startLine} ${input.unit.qualname}: ${fast} with prefilters, ${full} without`);
    }
  }
  return checked;
}

describe("detector preconditions on real code", () => {
  it("never skip a detector that would match a unit of the Python standard library", async () => {
    const checked = await checkPreconditions([pythonStdlib()]);
    expect(checked.wrong).toEqual([]);
    expect(checked.units).toBeGreaterThan(2000);
    // The preconditions must actually skip work, or this test checks nothing.
    expect(checked.skipped).toBeGreaterThan(checked.units);
  }, 180_000);

  it("never skip a detector that would match a unit of TypeScript and JavaScript packages", async () => {
    const checked = await checkPreconditions(scriptPackages.map((name) => path.join(process.cwd(), "node_modules", name)));
    expect(checked.wrong).toEqual([]);
    expect(checked.units).toBeGreaterThan(1000);
    expect(checked.skipped).toBeGreaterThan(checked.units);
  }, 180_000);
});
