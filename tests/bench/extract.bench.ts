// `npm run bench:extract`: Motif's extraction speed and memory on large real code found on
// every machine (the Python standard library, TypeScript and JavaScript packages under
// node_modules), beside the complexity passes teams run today (radon, ESLint), measured in
// the same run on the same files. Figures go to stdout and tests/bench/results/extract.json.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { discoverFiles } from "@/lib/extract/discover";
import type { ExtractionStats } from "@/lib/domain";
import { buildCorpus, type BenchCorpus } from "./support/bench-corpus";
import { runEslintComplexityPass } from "./support/eslint-complexity-pass";
import { measureProcess } from "./support/measure-process";
import { findRadon, runRadonComplexityPass } from "./support/radon-complexity-pass";
import { printReport, type BenchRow } from "./support/print-report";

const repository = path.resolve(import.meta.dirname, "../..");
const motif = path.join(repository, "bin/motif");
const parseOnly = path.join(repository, "tests/bench/support/parse-only.mjs");
const cores = os.availableParallelism();
const megabyte = 1024 * 1024;
const pythonMaxBytes = Number(process.env.BENCH_PYTHON_MAX_MB ?? 6) * megabyte;
const scriptMaxBytes = Number(process.env.BENCH_SCRIPT_MAX_MB ?? 3) * megabyte;
// Each tool runs this many times, interleaved, and its fastest run counts: other work on a
// shared machine only ever makes a run slower.
const repeat = Math.max(1, Number(process.env.BENCH_REPEAT ?? 2));
const scriptPackages = ["zod/src", "openai/src", "@tanstack/query-core/src", "eslint/lib", "commander/lib"];

function pythonStdlib(): string {
  const found = spawnSync("python3", ["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"], { encoding: "utf8" });
  if (found.status !== 0) throw new Error("python3 is needed to find the standard library");
  return found.stdout.trim();
}

function runMotif(corpus: BenchCorpus, jobs: number, scratch: string): BenchRow {
  const outFile = path.join(scratch, `motif-${corpus.name}-${jobs}.json`);
  const measured = measureProcess({ command: [process.execPath, motif, "extract", "--json", "--jobs", String(jobs), "."], cwd: corpus.folder, outFile });
  const tool = `motif extract --json --jobs ${jobs}`;
  if (measured.exitCode !== 0) {
    // A crash is a finding, not a reason to lose the other figures: it is reported in the row.
    const reason = measured.stderr.trim().split("\n")[0];
    return { tool, corpus: corpus.name, wallMs: Number.NaN, cpuMs: measured.cpuMs, peakRssMb: measured.peakRssMb, files: corpus.files, lines: corpus.lines, note: `FAILED (exit ${measured.exitCode}): ${reason}` };
  }
  const output = JSON.parse(readFileSync(outFile, "utf8")) as { stats: ExtractionStats; failures: unknown[] };
  return {
    tool,
    corpus: corpus.name,
    wallMs: measured.wallMs,
    cpuMs: measured.cpuMs,
    peakRssMb: measured.peakRssMb,
    files: corpus.files,
    lines: corpus.lines,
    note: `${output.stats.jobs === 1 ? "one thread" : `${output.stats.jobs} workers`}, ${output.stats.units} units, ${output.stats.patterns} patterns, ${output.failures.length} failed files`,
  };
}

// The floor for any web-tree-sitter extractor: parsing alone, same files and threads; with
// `locate`, also one query per tree for the definitions, calls and branch points (see parse-only.mjs).
function runParseOnly(corpus: BenchCorpus, threads: number, scratch: string, locate: boolean): BenchRow {
  const outFile = path.join(scratch, `parse-only-${corpus.name}-${locate ? "locate" : "parse"}.json`);
  const command = [process.execPath, parseOnly, ".", String(threads), ...(locate ? ["locate"] : [])];
  const measured = measureProcess({ command, cwd: corpus.folder, outFile });
  if (measured.exitCode !== 0) throw new Error(`parse-only pass failed: ${measured.stderr.trim().split("\n")[0]}`);
  const parsed = JSON.parse(readFileSync(outFile, "utf8")) as { files: number; nodes: number; located: number };
  const note = locate
    ? `floor: parsing + one query locating ${parsed.located} definitions, calls and branch points`
    : `floor: web-tree-sitter parsing only, ${parsed.files} files, ${parsed.nodes} syntax nodes`;
  const tool = locate ? `tree-sitter parse + locate query, ${threads} threads` : `tree-sitter parse only, ${threads} threads`;
  return { tool, corpus: corpus.name, wallMs: measured.wallMs, cpuMs: measured.cpuMs, peakRssMb: measured.peakRssMb, files: corpus.files, lines: corpus.lines, note };
}

function fastestOf(runs: Array<() => BenchRow>): BenchRow[] {
  const best: BenchRow[] = [];
  for (let round = 0; round < repeat; round += 1) {
    runs.forEach((run, index) => {
      const row = run();
      if (!best[index] || Number.isNaN(best[index].wallMs) || row.wallMs < best[index].wallMs) best[index] = row;
    });
  }
  return best;
}

async function main(): Promise<void> {
  const loadBefore = os.loadavg()[0];
  const scratch = mkdtempSync(path.join(os.tmpdir(), "motif-bench-"));
  try {
    const python = await buildCorpus({ name: "python", folder: path.join(scratch, "python"), sources: [{ path: pythonStdlib(), prefix: "stdlib" }], maxBytes: pythonMaxBytes });
    const sources = scriptPackages.map((name) => ({ path: path.join(repository, "node_modules", name), prefix: name }));
    const scripts = await buildCorpus({ name: "ts-js", folder: path.join(scratch, "ts-js"), sources, maxBytes: scriptMaxBytes });
    // One small run first so tsx's compile cache is warm, as it is for any user after their first run.
    const warmup = path.join(scratch, "warmup");
    mkdirSync(warmup);
    writeFileSync(path.join(warmup, "warm.py"), "def warm(x):\n    return x\n");
    measureProcess({ command: [process.execPath, motif, "extract", "--json", "--jobs", String(cores), "."], cwd: warmup, outFile: path.join(scratch, "warmup.json") });

    const runs: Array<() => BenchRow> = [];
    for (const corpus of [python, scripts]) {
      for (const jobs of [1, cores]) runs.push(() => runMotif(corpus, jobs, scratch));
      runs.push(() => runParseOnly(corpus, cores, scratch, false));
      runs.push(() => runParseOnly(corpus, cores, scratch, true));
    }
    const radon = findRadon();
    if (radon.available) {
      runs.push(() => {
        const pass = runRadonComplexityPass(radon, python.folder, path.join(scratch, "radon.json"));
        const note = `${pass.blocks} blocks, ${pass.errors} files with errors`;
        return { tool: `radon cc (${radon.mode}, ${radon.origin})`, corpus: "python", wallMs: pass.wallMs, cpuMs: pass.cpuMs, peakRssMb: pass.peakRssMb, files: python.files, lines: python.lines, note };
      });
    }
    const scriptFiles = (await discoverFiles({ paths: [scripts.folder], cwd: scripts.folder })).files.map((file) => file.path);
    runs.push(() => {
      const eslint = runEslintComplexityPass(scriptFiles);
      const note = `${eslint.functions} functions, ${eslint.parseErrors} parse errors`;
      return { tool: "eslint complexity (in-process)", corpus: "ts-js", wallMs: eslint.wallMs, cpuMs: eslint.cpuMs, peakRssMb: null, files: scripts.files, lines: scripts.lines, note };
    });
    const rows = fastestOf(runs);
    const report = printReport({ rows, corpora: [python, scripts], cores, radon: radon.available ? null : radon.reason, repeat, load: [loadBefore, os.loadavg()[0]] });
    mkdirSync(path.join(repository, "tests/bench/results"), { recursive: true });
    writeFileSync(path.join(repository, "tests/bench/results/extract.json"), `${JSON.stringify(report, null, 2)}\n`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
