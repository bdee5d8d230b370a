// `npm run bench:names`: do pattern names keep every word of their representative's identifier,
// and stay at most 12 words? Measured on every pattern, and on every unit named as if it were a
// one-occurrence pattern, of the extraction bench's corpora (the Python standard library and the
// zod, openai, @tanstack/query-core, eslint and commander sources, capped as `npm run bench:extract`
// caps them), or of the folders given.
//
//   npx tsx tests/bench/check-names.ts                      (the bench corpora)
//   npx tsx tests/bench/check-names.ts some/folder ...      (any folders)
// Options: --cache FILE (reuse extracted files between runs), --show N (failures to print, default 15).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { CodeUnit, ExtractedPattern, FileExtraction } from "@/lib/domain";
import { discoverFiles } from "@/lib/extract/discover";
import { buildPatterns, buildRepoModel } from "@/lib/extract/clustering";
import { detectFramework, namePattern } from "@/lib/extract/naming";
import { splitIdentifier } from "@/lib/words";
import { extractInWorkers } from "@/lib/extract/worker/worker-pool";
import { buildCorpus } from "./support/bench-corpus";

const repository = path.resolve(import.meta.dirname, "../..");
const megabyte = 1024 * 1024;
const scriptPackages = ["zod/src", "openai/src", "@tanstack/query-core/src", "eslint/lib", "commander/lib"];
const maxWords = 12;

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function positional(): string[] {
  const args = process.argv.slice(2);
  return args.filter((arg, index) => !arg.startsWith("--") && !(index > 0 && args[index - 1].startsWith("--")));
}

function pythonStdlib(): string {
  const found = spawnSync("python3", ["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"], { encoding: "utf8" });
  if (found.status !== 0) throw new Error("python3 is needed to find the standard library");
  return found.stdout.trim();
}

async function benchFolders(scratch: string): Promise<string[]> {
  const python = await buildCorpus({ name: "python", folder: path.join(scratch, "python"), sources: [{ path: pythonStdlib(), prefix: "stdlib" }], maxBytes: Number(process.env.BENCH_PYTHON_MAX_MB ?? 6) * megabyte });
  const sources = scriptPackages.map((name) => ({ path: path.join(repository, "node_modules", name), prefix: name }));
  const scripts = await buildCorpus({ name: "ts-js", folder: path.join(scratch, "ts-js"), sources, maxBytes: Number(process.env.BENCH_SCRIPT_MAX_MB ?? 3) * megabyte });
  console.log(`bench corpora: python ${python.files} files, ${python.lines} lines; ts-js ${scripts.files} files, ${scripts.lines} lines`);
  return [python.folder, scripts.folder];
}

async function extract(folders: string[], cache: string | undefined): Promise<FileExtraction[]> {
  if (cache && existsSync(cache)) return JSON.parse(await readFile(cache, "utf8"));
  const files: FileExtraction[] = [];
  for (const folder of folders) {
    const discovery = await discoverFiles({ paths: [folder], cwd: folder });
    const outcomes = await extractInWorkers({ tasks: discovery.files, jobs: Math.max(1, os.availableParallelism()) });
    files.push(...outcomes.flatMap((outcome) => (outcome.status === "extracted" ? [outcome.extraction] : [])));
  }
  if (cache) await writeFile(cache, JSON.stringify(files));
  return files;
}

/** Words of the identifier the name must keep, and whether the name keeps them all. */
function keepsEveryWord(name: string, identifier: string): boolean {
  const present = new Set(splitIdentifier(name));
  return splitIdentifier(identifier).every((word) => present.has(word));
}

const wordCount = (name: string) => name.split(/\s+/).filter(Boolean).length;

interface Tally {
  label: string;
  total: number;
  kept: number;
  overLimit: number;
  maxWords: number;
  failures: string[];
}

function tally(label: string, named: Array<{ name: string; unit: CodeUnit }>): Tally {
  const result: Tally = { label, total: named.length, kept: 0, overLimit: 0, maxWords: 0, failures: [] };
  for (const { name, unit } of named) {
    const words = wordCount(name);
    result.maxWords = Math.max(result.maxWords, words);
    if (words > maxWords) result.failures.push(`${words} words: "${name}" (${unit.qualname})`);
    if (words > maxWords) result.overLimit += 1;
    if (keepsEveryWord(name, unit.name)) result.kept += 1;
    else result.failures.push(`drops words of ${unit.name}: "${name}" (${unit.file})`);
  }
  return result;
}

function report(result: Tally, show: number): void {
  const share = (100 * result.kept) / Math.max(1, result.total);
  console.log(`${result.label}: ${result.total} names, ${share.toFixed(2)} % keep every identifier word, max ${result.maxWords} words, ${result.overLimit} over ${maxWords}`);
  for (const failure of result.failures.slice(0, show)) console.log(`    ${failure}`);
}

/** Every unit named as a one-occurrence pattern with its own detected kind (if any) and framework role. */
function nameEveryUnit(files: FileExtraction[]): Array<{ name: string; unit: CodeUnit }> {
  const model = buildRepoModel(files);
  return model.units.map((unit) => {
    const best = [...unit.patterns].sort((a, b) => b.confidence - a.confidence)[0];
    const parent = model.parentOf.get(unit.id);
    const name = namePattern({
      representative: unit,
      kind: best && best.confidence >= 0.4 ? best.kind : null,
      role: detectFramework(unit, model.fileByPath.get(unit.file)),
      members: [unit],
      memberOwners: [parent?.kind === "class" ? parent.name : ""],
      isAsync: unit.isAsync,
      files: [unit.file],
    });
    return { name, unit };
  });
}

function patternRepresentatives(patterns: ExtractedPattern[], files: FileExtraction[]): Array<{ name: string; unit: CodeUnit }> {
  const units = new Map(files.flatMap((file) => file.units).map((unit) => [unit.id, unit]));
  return patterns.map((pattern) => {
    // The representative is the occurrence whose code the pattern shows.
    const members = pattern.occurrences.map((occurrence) => units.get(occurrence.unitId)).filter((unit): unit is CodeUnit => !!unit);
    return { name: pattern.name, unit: members.find((unit) => unit.code === pattern.code) ?? members[0] };
  });
}

async function main(): Promise<void> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), "motif-names-"));
  try {
    const given = positional();
    const cache = option("cache");
    const folders = cache && existsSync(cache) ? [] : given.length ? given.map((folder) => path.resolve(folder)) : await benchFolders(scratch);
    const files = await extract(folders, cache);
    const show = Number(option("show") ?? 15);
    const patterns = buildPatterns({ files }).patterns;
    const results = [tally("patterns", patternRepresentatives(patterns, files)), tally("every unit", nameEveryUnit(files))];
    for (const result of results) report(result, show);
    const failed = results.some((result) => result.kept / Math.max(1, result.total) < 0.98 || result.overLimit > 0);
    process.exitCode = failed ? 1 : 0;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
