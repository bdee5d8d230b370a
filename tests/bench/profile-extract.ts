/**
 * Where per-file extraction spends its time, phase by phase, single-threaded, on real code.
 *
 *   npx tsx tests/bench/profile-extract.ts <folder|file...>            per-phase milliseconds
 *   npx tsx tests/bench/profile-extract.ts --snapshot out.json <...>   also writes every file's
 *       extraction (units, metrics, design patterns, fingerprints) to diff before/after a change
 *
 * Files are found as `motif extract` finds them. The phases mirror `extractFile`; the
 * snapshot comes from `extractFile` itself, so it is what the CLI would print per file.
 */
import { writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createParser } from "@/lib/extract/syntax-tree";
import { discoverFiles } from "@/lib/extract/discover";
import { extractSource } from "@/lib/extract/pipeline";
import { detectDesignPatterns } from "@/lib/extract/detectors";
import { fingerprintUnit } from "@/lib/extract/fingerprint";
import { CodeLineIndex } from "@/lib/extract/metrics/code-line-index";
import { buildUnit } from "@/lib/extract/units/build-unit";
import { findUnits } from "@/lib/extract/units/find-units";
import { mirrorTree, parseSource } from "@/lib/extract/syntax-tree";
import type { Language } from "@/lib/domain";

const phases = ["parse", "mirror", "walk", "lines", "units", "detect", "fingerprint"] as const;
type Phase = (typeof phases)[number];

function argumentsOf(argv: string[]): { snapshot?: string; paths: string[] } {
  const index = argv.indexOf("--snapshot");
  if (index < 0) return { paths: argv };
  return { snapshot: argv[index + 1], paths: [...argv.slice(0, index), ...argv.slice(index + 2)] };
}

async function profileFile(source: string, language: Language, totals: Record<Phase, number>): Promise<number> {
  const parser = await createParser(language);
  let mark = performance.now();
  const lap = (phase: Phase) => {
    const now = performance.now();
    totals[phase] += now - mark;
    mark = now;
  };
  const { tree, module } = parseSource(parser, source);
  lap("parse");
  const root = mirrorTree(tree!, source, module);
  tree!.delete();
  lap("mirror");
  const found = findUnits({ root, source, language });
  lap("walk");
  const lines = new CodeLineIndex(source, found.comments);
  lap("lines");
  let count = 0;
  for (const draft of found.units) {
    const unit = buildUnit({ draft, file: "f", language, source, lines });
    lap("units");
    detectDesignPatterns({ node: draft.node, unit, language, fileImports: found.imports, source });
    lap("detect");
    fingerprintUnit(draft.node, language);
    lap("fingerprint");
    count++;
  }
  parser.delete();
  return count;
}

async function main(): Promise<void> {
  const { snapshot, paths } = argumentsOf(process.argv.slice(2));
  const { files } = await discoverFiles({ paths, cwd: process.cwd() });
  const totals = Object.fromEntries(phases.map((phase) => [phase, 0])) as Record<Phase, number>;
  const extractions: unknown[] = [];
  let units = 0;
  let bytes = 0;
  for (const file of files) {
    const raw = await readFile(file.path);
    bytes += raw.length;
    const outcome = await extractSource({ file: file.file, language: file.language, bytes: raw });
    if (snapshot) extractions.push(outcome);
    if (outcome.status !== "extracted") continue;
    units += await profileFile(new TextDecoder().decode(raw), file.language, totals);
  }
  const total = phases.reduce((sum, phase) => sum + totals[phase], 0);
  console.log(`${files.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MB, ${units} units`);
  for (const phase of phases) console.log(`${phase.padEnd(12)} ${totals[phase].toFixed(0).padStart(6)} ms`);
  console.log(`${"total".padEnd(12)} ${total.toFixed(0).padStart(6)} ms`);
  if (snapshot) writeFileSync(snapshot, JSON.stringify(extractions, null, 1));
}

await main();
