import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { extractPaths, extractorVersion } from "@/lib/extract";
import type { ExtractedPattern } from "@/lib/domain";
import type { IngestSource, IngestUnit } from "@/lib/ingest";
import { seededRandom } from "./seeded-random";

const repository = path.resolve(import.meta.dirname, "../../..");
/** Where the extracted corpus is cached (delete it to extract again); one file per extractor version, so a changed extractor never feeds the bench stale patterns. */
export const corpusCacheFile = path.join(os.tmpdir(), `motif-bench-match-corpus-${extractorVersion}.json`);
// Library code only (test suites, GUI demos and vendored trees would skew what patterns look like).
const skipped = ["test", "tests", "idle_test", "site-packages", "lib2to3", "idlelib", "turtledemo", "tkinter", "ensurepip", "pydoc_data", "__pycache__"];
const scriptPackages = ["openai/src", "zod/src", "commander/lib", "semver", "@tanstack/query-core/src", "picomatch/lib", "jose/dist/node/esm", "postgres/src", "eslint/lib"];

/** Real extracted code: the Python standard library and TS/JS packages under node_modules. */
export interface RealCorpus {
  patterns: ExtractedPattern[];
  units: IngestUnit[];
  sources: string[];
  extractionMs: number;
}

function pythonStdlib(): string {
  const found = spawnSync("python3", ["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"], { encoding: "utf8" });
  if (found.status !== 0) throw new Error("python3 is needed to find the standard library");
  return found.stdout.trim();
}

async function extractRoot(root: string, paths: string[], prefix: string): Promise<Omit<RealCorpus, "sources" | "extractionMs">> {
  const run = await extractPaths({ paths, cwd: root, exclude: skipped, jobs: os.availableParallelism() });
  const rename = (file: string) => `${prefix}/${file}`;
  const wanted = new Set(run.patterns.flatMap((pattern) => pattern.occurrences.map((occurrence) => occurrence.unitId)));
  return {
    patterns: run.patterns.map((pattern) => ({
      ...pattern,
      key: `${prefix}:${pattern.key}`,
      occurrences: pattern.occurrences.map((occurrence) => ({ ...occurrence, file: rename(occurrence.file), unitId: `${prefix}:${occurrence.unitId}` })),
    })),
    units: run.units
      .filter((unit) => wanted.has(unit.id))
      .map(({ id, name, qualname, kind, docstring, parameters, calls, metrics }) => ({ id: `${prefix}:${id}`, name, qualname, kind, docstring, parameters, calls, metrics })),
  };
}

/** Extracts the real corpus once per extractor version and caches it in the temp folder (delete the file to redo it). */
export async function loadRealCorpus(): Promise<RealCorpus> {
  if (existsSync(corpusCacheFile)) return JSON.parse(readFileSync(corpusCacheFile, "utf8")) as RealCorpus;
  const started = performance.now();
  const stdlib = await extractRoot(pythonStdlib(), ["."], "python");
  const modules = path.join(repository, "node_modules");
  const present = scriptPackages.filter((name) => existsSync(path.join(modules, name)));
  const scripts: Array<Omit<RealCorpus, "sources" | "extractionMs">> = [];
  const sources = [pythonStdlib()];
  // One package at a time, so that an extraction failure costs that package, not the run.
  for (const name of present) {
    try {
      scripts.push(await extractRoot(modules, [name], "node_modules"));
      sources.push(`node_modules/${name}`);
    } catch (error) {
      process.stderr.write(`[bench:match] extraction of node_modules/${name} failed, left out: ${(error as Error).message}\n`);
    }
  }
  const corpus: RealCorpus = {
    patterns: [...stdlib.patterns, ...scripts.flatMap((part) => part.patterns)],
    units: [...stdlib.units, ...scripts.flatMap((part) => part.units)],
    sources,
    extractionMs: performance.now() - started,
  };
  writeFileSync(corpusCacheFile, JSON.stringify(corpus));
  return corpus;
}


const domains = ["billing", "orders", "inventory", "shipping", "accounts", "search", "reporting", "payments", "catalog", "auth", "notifications", "analytics", "scheduler", "storage", "gateway", "ledger"];
const qualifiers = ["Cached", "Async", "Batched", "Safe", "Legacy", "Typed", "Streaming", "Lazy", "Pooled", "Guarded"];
const clamp = (value: number) => Math.min(1, Math.max(0, value));

// One variation of a real pattern, as another team's copy of it would look: another module,
// a qualified name, an extra tag, different quality, the same code shape.
function vary(pattern: ExtractedPattern, variant: number, random: () => number): ExtractedPattern {
  if (variant === 0) return pattern;
  const domain = domains[Math.floor(random() * domains.length)];
  const qualifier = qualifiers[Math.floor(random() * qualifiers.length)];
  const shift = (value: number) => clamp(value + (random() - 0.5) * 0.3);
  const parts = pattern.quality.parts;
  return {
    ...pattern,
    key: `${pattern.key}~${variant}`,
    name: `${qualifier} ${pattern.name} in ${domain[0].toUpperCase()}${domain.slice(1)}`.slice(0, 300),
    description: `${pattern.description} Adapted for the ${domain} service (${qualifier.toLowerCase()} variant).`,
    tags: [...new Set([...pattern.tags, domain])].sort(),
    quality: {
      ...pattern.quality,
      score: shift(pattern.quality.score),
      parts: { complexity: shift(parts.complexity), documentation: shift(parts.documentation), testCoverage: random() < 0.3 ? clamp(random()) : null, reusability: shift(parts.reusability), maintainability: shift(parts.maintainability) },
    },
    occurrences: pattern.occurrences.map((occurrence) => ({ ...occurrence, file: `services/${domain}-${variant}/${occurrence.file}`, unitId: `${occurrence.unitId}~${variant}` })),
  };
}

/** `count` patterns: every real one, then variations of them in turn until the count is reached. */
export function buildBenchSource(corpus: RealCorpus, count: number): IngestSource & { units: IngestUnit[] } {
  const random = seededRandom(42);
  const unitsById = new Map(corpus.units.map((unit) => [unit.id, unit]));
  const patterns: ExtractedPattern[] = [];
  const units: IngestUnit[] = [];
  for (let index = 0; patterns.length < count; index++) {
    const base = corpus.patterns[index % corpus.patterns.length];
    const variant = Math.floor(index / corpus.patterns.length);
    const pattern = vary(base, variant, random);
    patterns.push(pattern);
    for (const occurrence of pattern.occurrences) {
      const unit = unitsById.get(occurrence.unitId.split("~")[0]);
      if (unit) units.push({ ...unit, id: occurrence.unitId });
    }
  }
  return { patterns, units, relationships: [], failures: [] };
}
