// Shows what surfaces first among the patterns of real code, and how many patterns are
// trivial shapes, so selection, naming and ranking can be judged on code outside the repo.
//
//   npx tsx tests/bench/inspect-patterns.ts --corpus stdlib       (asyncio, concurrent, logging, json, http)
//   npx tsx tests/bench/inspect-patterns.ts --corpus node         (zod, commander, postgres/src, openai, @tanstack/query-core)
//   npx tsx tests/bench/inspect-patterns.ts some/folder other/file.py
//   npx tsx tests/bench/inspect-patterns.ts --from-json run.json --rank quality   (a saved `motif extract --json` output)
// Options: --top N (default 15), --cache FILE (reuse extracted files between runs), --rank prominence|quality.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { discoverFiles } from "@/lib/extract/discover";
import { buildPatterns, buildRepoModel, patternProminence, patternSubstance, rankPatterns, trivialShape } from "@/lib/extract/clustering";
import type { CodeUnit, ExtractedPattern, FileExtraction } from "@/lib/domain";
import { extractInWorkers } from "@/lib/extract/worker/worker-pool";

const repository = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");

function corpusPaths(name: string): string[] {
  if (name === "node") return ["zod", "commander", "postgres/src", "openai", "@tanstack/query-core"].map((module) => path.join(repository, "node_modules", module));
  const found = spawnSync("python3", ["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"], { encoding: "utf8" });
  if (found.status !== 0) throw new Error("python3 is needed to find the standard library");
  return ["asyncio", "concurrent", "logging", "json", "http"].map((module) => path.join(found.stdout.trim(), module));
}

function option(name: string, fallback?: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : fallback;
}

function positional(): string[] {
  const args = process.argv.slice(2);
  return args.filter((arg, index) => !arg.startsWith("--") && !(index > 0 && args[index - 1].startsWith("--")));
}

async function extract(paths: string[], cache: string | undefined): Promise<FileExtraction[]> {
  if (cache && existsSync(cache)) return JSON.parse(await readFile(cache, "utf8"));
  const discovery = await discoverFiles({ paths, cwd: process.cwd() });
  const outcomes = await extractInWorkers({ tasks: discovery.files, jobs: Math.max(1, os.availableParallelism()) });
  const files = outcomes.flatMap((outcome) => (outcome.status === "extracted" ? [outcome.extraction] : []));
  if (cache) await writeFile(cache, JSON.stringify(files));
  return files;
}

/** Patterns and units of a saved `motif extract --json` run (units rebuilt into files; imports are not printed). */
async function fromJson(file: string): Promise<{ patterns: ExtractedPattern[]; files: FileExtraction[] }> {
  const run = JSON.parse(await readFile(file, "utf8")) as { patterns: ExtractedPattern[]; units: CodeUnit[] };
  const byFile = new Map<string, CodeUnit[]>();
  for (const unit of run.units) byFile.set(unit.file, [...(byFile.get(unit.file) ?? []), unit]);
  const files = [...byFile].map(([name, units]) => ({ file: name, language: units[0].language, imports: {}, units, lines: 0, bytes: 0 }));
  return { patterns: run.patterns, files };
}

function main(): Promise<void> {
  return run().catch((error) => {
    process.stderr.write(`${(error as Error).stack}\n`);
    process.exitCode = 1;
  });
}

async function run(): Promise<void> {
  const top = Number(option("top", "15"));
  const json = option("from-json");
  const loaded = json ? await fromJson(json) : undefined;
  const files = loaded?.files ?? (await extract(option("corpus") ? corpusPaths(option("corpus")!) : positional(), option("cache")));
  const patterns = loaded?.patterns ?? buildPatterns({ files }).patterns;
  const model = buildRepoModel(files);
  const units = new Map(model.units.map((unit) => [unit.id, unit]));
  // The representative is the occurrence whose code the pattern shows.
  const representative = (pattern: ExtractedPattern) =>
    pattern.occurrences.map((occurrence) => units.get(occurrence.unitId)).find((unit) => unit?.code === pattern.code) ?? units.get(pattern.occurrences[0].unitId);
  const shapeOf = (pattern: ExtractedPattern) => {
    const unit = representative(pattern);
    return unit ? trivialShape(model, unit) : null;
  };
  const ranked = option("rank", "prominence") === "quality" ? [...patterns].sort((a, b) => b.quality.score - a.quality.score) : rankPatterns(patterns);
  console.log(`Top ${top} of ${patterns.length} patterns by ${option("rank", "prominence")}:`);
  ranked.slice(0, top).forEach((pattern, index) => {
    const files = new Set(pattern.occurrences.map((occurrence) => occurrence.file)).size;
    const shape = shapeOf(pattern);
    const facts = `q ${pattern.quality.score.toFixed(2)} cx ${pattern.quality.parts.complexity.toFixed(2)} sub ${patternSubstance(pattern).toFixed(2)} prom ${patternProminence(pattern).toFixed(2)}`;
    console.log(`${String(index + 1).padStart(2)}. ${pattern.name}${pattern.kind ? ` [${pattern.kind}]` : ""} — ${pattern.occurrences.length} occ in ${files} files; ${facts}${shape ? `; TRIVIAL: ${shape}` : ""}`);
    console.log(`      ${pattern.occurrences[0].qualname}: ${pattern.code.split("\n").slice(0, 2).map((line) => line.trim()).join(" ⏎ ").slice(0, 110)}`);
  });
  const shapes = new Map<string, number>();
  for (const pattern of patterns) {
    const shape = shapeOf(pattern);
    if (shape) shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
  }
  const trivial = [...shapes.values()].reduce((sum, count) => sum + count, 0);
  console.log(`\nTrivial shapes: ${trivial} of ${patterns.length} patterns (${((100 * trivial) / Math.max(1, patterns.length)).toFixed(1)}%)`);
  for (const [shape, count] of [...shapes].sort((a, b) => b[1] - a[1])) console.log(`  ${shape}: ${count}`);
  const names = patterns.map((pattern) => pattern.name);
  const duplicates = names.length - new Set(names).size;
  const meaningless = names.filter((name) => /\(variant \d+\)|Recurring .*Shape|Empty Stub|One-line Delegating/.test(name)).length;
  console.log(`Names: ${meaningless} with "(variant N)" / "Recurring ... Shape" / stub wording; ${duplicates} repeat another pattern's name`);
}

await main();
