// `npm run bench:scores`: how quality scores spread over each project's patterns, so a score
// says something: the share at ≥ 0.95 (at most 5 % wanted), percentiles, each part's mean,
// and the patterns at the top, for the extraction bench's corpora and any folders given
// (each folder one project).
//
//   npx tsx tests/bench/score-distribution.ts                        (the bench corpora: python, ts-js)
//   npx tsx tests/bench/score-distribution.ts /tmp/corp/src/flask ... (each folder a project)
// Options: --cache-dir DIR (reuse extracted files between runs), --top N (patterns shown per project, default 5),
//          --json FILE (write the figures).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { ExtractedPattern, FileExtraction } from "@/lib/domain";
import { discoverFiles } from "@/lib/extract/discover";
import { buildPatterns, leadsList, rankPatterns } from "@/lib/extract/clustering";
import { extractInWorkers } from "@/lib/extract/worker/worker-pool";
import { buildCorpus } from "./support/bench-corpus";

const repository = path.resolve(import.meta.dirname, "../..");
const megabyte = 1024 * 1024;
const scriptPackages = ["zod/src", "openai/src", "@tanstack/query-core/src", "eslint/lib", "commander/lib"];

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

async function benchProjects(scratch: string): Promise<Array<{ name: string; folder: string }>> {
  const python = await buildCorpus({ name: "python", folder: path.join(scratch, "python"), sources: [{ path: pythonStdlib(), prefix: "stdlib" }], maxBytes: Number(process.env.BENCH_PYTHON_MAX_MB ?? 6) * megabyte });
  const sources = scriptPackages.map((name) => ({ path: path.join(repository, "node_modules", name), prefix: name }));
  const scripts = await buildCorpus({ name: "ts-js", folder: path.join(scratch, "ts-js"), sources, maxBytes: Number(process.env.BENCH_SCRIPT_MAX_MB ?? 3) * megabyte });
  return [python, scripts].map((corpus) => ({ name: `bench ${corpus.name}`, folder: corpus.folder }));
}

async function extract(folder: string, cacheFile: string | undefined): Promise<FileExtraction[]> {
  if (cacheFile && existsSync(cacheFile)) return JSON.parse(await readFile(cacheFile, "utf8"));
  const discovery = await discoverFiles({ paths: [folder], cwd: folder });
  const outcomes = await extractInWorkers({ tasks: discovery.files, jobs: Math.max(1, os.availableParallelism()) });
  const files = outcomes.flatMap((outcome) => (outcome.status === "extracted" ? [outcome.extraction] : []));
  if (cacheFile) await writeFile(cacheFile, JSON.stringify(files));
  return files;
}

// A package's code folder (`winston/lib`, `validator/es`) is named after the package.
const genericFolders = new Set(["lib", "es", "src", "dist", "esm", "cjs", "build"]);
function projectName(folder: string): string {
  const parts = path.resolve(folder).split(path.sep);
  const last = parts.length - 1;
  return genericFolders.has(parts[last]) ? `${parts[last - 1]}/${parts[last]}` : parts[last];
}

const percentile = (sorted: number[], share: number) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);

/** The figures of one project's scores. */
function distribution(name: string, patterns: ExtractedPattern[]) {
  const scores = patterns.map((pattern) => pattern.quality.score).sort((a, b) => a - b);
  const atLeast = (threshold: number) => scores.filter((score) => score >= threshold).length / Math.max(1, scores.length);
  const histogram = Array.from({ length: 10 }, (_, index) => scores.filter((score) => Math.min(9, Math.floor(score * 10)) === index).length);
  const part = (key: keyof ExtractedPattern["quality"]["parts"]) => Number(mean(patterns.map((pattern) => pattern.quality.parts[key] ?? 0)).toFixed(3));
  return {
    project: name,
    patterns: patterns.length,
    atLeast095: Number((100 * atLeast(0.95)).toFixed(2)),
    atLeast090: Number((100 * atLeast(0.9)).toFixed(2)),
    recurring: Number((100 * patterns.filter((pattern) => pattern.recurring).length / Math.max(1, patterns.length)).toFixed(1)),
    designOrRecurring: Number((100 * patterns.filter(leadsList).length / Math.max(1, patterns.length)).toFixed(1)),
    p10: percentile(scores, 0.1),
    median: percentile(scores, 0.5),
    p90: percentile(scores, 0.9),
    max: scores[scores.length - 1] ?? 0,
    histogram,
    meanParts: { complexity: part("complexity"), documentation: part("documentation"), reusability: part("reusability"), maintainability: part("maintainability") },
  };
}

async function main(): Promise<void> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), "motif-scores-"));
  const cacheDir = option("cache-dir");
  if (cacheDir) mkdirSync(cacheDir, { recursive: true });
  const top = Number(option("top") ?? 5);
  try {
    const given = positional();
    const projects = given.length ? given.map((folder) => ({ name: projectName(folder), folder: path.resolve(folder) })) : await benchProjects(scratch);
    const figures = [];
    for (const project of projects) {
      const files = await extract(project.folder, cacheDir ? path.join(cacheDir, `${project.name.replace(/\W+/g, "-")}.json`) : undefined);
      const { patterns } = buildPatterns({ files });
      const figure = distribution(project.name, patterns);
      figures.push(figure);
      console.log(`${figure.project}: ${figure.patterns} patterns; ≥ 0.95: ${figure.atLeast095} %, ≥ 0.90: ${figure.atLeast090} %; p10 ${figure.p10} median ${figure.median} p90 ${figure.p90} max ${figure.max}`);
      console.log(`    per tenth 0.0–1.0: ${figure.histogram.join(" ")}; mean parts ${JSON.stringify(figure.meanParts)}`);
      console.log(`    recurring ${figure.recurring} %, design pattern or recurring (what leads a list) ${figure.designOrRecurring} %`);
      console.log("    highest scores:");
      for (const pattern of [...patterns].sort((a, b) => b.quality.score - a.quality.score).slice(0, top)) {
        console.log(`    ${pattern.quality.score.toFixed(3)} ${pattern.name} (${pattern.occurrences.length} occ) ${JSON.stringify(pattern.quality.parts)}`);
      }
      console.log("    top of the list (rankPatterns):");
      for (const pattern of rankPatterns(patterns).slice(0, top)) {
        console.log(`    ${pattern.quality.score.toFixed(3)} ${pattern.name} [${pattern.kind ?? (pattern.recurring ? "recurs" : "one-off")}] (${pattern.occurrences.length} occ, ${pattern.callers} callers)`);
      }
    }
    const json = option("json");
    if (json) await writeFile(json, `${JSON.stringify({ load: os.loadavg()[0], figures }, null, 2)}\n`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
