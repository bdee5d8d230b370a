import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeSampleProject } from "../../support/extract-sample-project";

const motif = path.resolve(import.meta.dirname, "../../../bin/motif");
let root: string;
const jobModules = Array.from({ length: 40 }, (_, index) => `jobs/job_${String(index).padStart(2, "0")}.py`);

function run(args: string[], cwd = root) {
  return spawnSync(process.execPath, [motif, "extract", ...args], { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

function json(args: string[], cwd = root) {
  const result = run([...args, "--json"], cwd);
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout);
}

function files(output: { units: Array<{ file: string }> }): string[] {
  return [...new Set(output.units.map((unit) => unit.file))];
}

beforeAll(() => {
  root = writeSampleProject({ modules: jobModules.length });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("motif extract", () => {
  it("prints only the result JSON on stdout with --json, units first naming DESIGN §5's fields", () => {
    const output = json(["."]);
    expect(Object.keys(output)).toEqual(["units", "patterns", "relationships", "stats", "failures"]);
    const retry = output.units.find((unit: { qualname: string }) => unit.qualname === "call_with_retry");
    expect(Object.keys(retry).slice(0, 8)).toEqual(["file", "qualname", "kind", "language", "startLine", "endLine", "complexity", "patterns"]);
    expect(retry).toMatchObject({ file: "service/retry.py", kind: "function", language: "python", startLine: 9, complexity: retry.metrics.cyclomatic });
    expect(files(output)).toEqual([...jobModules, "service/retry.py", "web/events.js", "web/query-builder.ts"]);
  });

  it("reports unparsable and binary files as failures while the rest succeeds", () => {
    const output = json(["."]);
    expect(output.failures.map((failure: { file: string }) => failure.file)).toEqual(["broken/binary.py", "broken/latin1.py", "broken/unparsable.py"]);
    expect(output.failures[0]).toEqual({ file: "broken/binary.py", reason: "binary file (contains NUL bytes)" });
    expect(output.stats).toMatchObject({ files: 43, filesFailed: 3 });
  });

  it("writes the same units and patterns with one thread and with two workers", () => {
    const one = json([".", "--jobs", "1"]);
    const two = json([".", "--jobs", "2"]);
    expect([one.stats.jobs, two.stats.jobs]).toEqual([1, 2]);
    for (const output of [one, two]) {
      delete output.stats.durationMs;
      delete output.stats.jobs;
    }
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
  });

  it("names files relative to the working directory", () => {
    expect(files(json(["../service", "query-builder.ts"], path.join(root, "web")))).toEqual(["../service/retry.py", "query-builder.ts"]);
  });

  it("honours .gitignore and --include / --exclude globs", () => {
    const all = JSON.stringify(json(["."]));
    for (const hidden of ["ignored/secret.py", "settings.local.py", "node_modules", "schema.generated.ts"]) expect(all).not.toContain(hidden);
    expect(files(json([".", "--include", "*.py", "--exclude", "jobs"]))).toEqual(["service/retry.py"]);
    expect(files(json([".", "--exclude", "web/*.ts", "broken", "jobs/job_1*.py", "jobs/job_[23]*.py"]))).toEqual([
      ...jobModules.slice(0, 10),
      "service/retry.py",
      "web/events.js",
    ]);
  });

  it("prints a human summary, and writes the JSON with --out", () => {
    const result = run([".", "--out", "result.json", "--jobs", "2"]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^Extracted 43 files \([\d,]+ lines\) in \d+\.\d s with 2 worker threads\n/);
    expect(result.stdout).toContain("  broken/binary.py: binary file (contains NUL bytes)\n");
    expect(result.stdout).toContain("Skipped: 1 generated or minified file\n");
    expect(result.stdout).toMatch(/\nWrote result\.json\n$/);
    const written = JSON.parse(readFileSync(path.join(root, "result.json"), "utf8"));
    expect(written.stats.files).toBe(43);
  });

  it("passes --coverage, --max-complexity and --min-quality through to scoring and filtering", () => {
    const lcov = ["SF:service/retry.py", ...Array.from({ length: 10 }, (_, index) => `DA:${index + 9},1`), "end_of_record", ""].join("\n");
    writeFileSync(path.join(root, "coverage.lcov"), lcov);
    const retryPattern = (output: { patterns: Array<{ kind: string | null; quality: { score: number; parts: { testCoverage: number | null } } }> }) =>
      output.patterns.find((pattern) => pattern.kind === "retry_backoff");
    const covered = json(["service", "--coverage", "coverage.lcov", "--max-complexity", "4"]);
    expect(retryPattern(covered)?.quality.parts.testCoverage).toBe(1);
    expect(covered.units.every((unit: { complexity: number }) => unit.complexity <= 4)).toBe(true);
    const plain = json(["service", "--min-quality", "0.01"]);
    expect(retryPattern(plain)?.quality.parts.testCoverage).toBeNull();
    expect(plain.patterns.every((pattern: { quality: { score: number } }) => pattern.quality.score >= 0.01)).toBe(true);
    const unreadable = run(["service", "--coverage", "missing.lcov"]);
    expect(unreadable.status).toBe(1);
    expect(unreadable.stderr).toMatch(/^motif: cannot read coverage report .*missing\.lcov/);
  });

  it("exits 1 with one line for a missing path or a bad option", () => {
    const missing = run(["service", "nope/missing.py"]);
    expect([missing.status, missing.stderr, missing.stdout]).toEqual([1, "motif: no such file or directory: nope/missing.py\n", ""]);
    for (const [option, value] of [["--jobs", "abc"], ["--min-quality", "2"], ["--max-complexity", "0"]]) {
      const bad = run([".", option, value]);
      expect(bad.status).toBe(1);
      expect(bad.stderr).toMatch(new RegExp(`^motif: invalid ${option}: [^\\n]+\\n$`));
    }
  });
});
