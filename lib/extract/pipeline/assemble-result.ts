import { buildPatterns, type ClusteringMemory } from "@/lib/extract/clustering";
import { applyUsageKinds } from "@/lib/extract/usage";
import type { CodeUnit, ExtractedPattern, ExtractionFailure, ExtractionResult, ExtractionStats, FileExtraction } from "@/lib/domain";
import type { CoverageReport } from "@/lib/quality";
import { compareText } from "@/lib/extract/discover/discover-files";

export interface AssembleResultInput {
  /** Per-file extractions in any order (workers finish in any order). */
  extractions: FileExtraction[];
  failures: ExtractionFailure[];
  coverage?: CoverageReport;
  /** Keep patterns whose quality score is at least this. */
  minQuality?: number;
  /** Keep units and patterns whose cyclomatic complexity is at most this. */
  maxComplexity?: number;
  jobs: number;
  /** What the last clustering of the same repository in this process kept (see `ClusteringMemory`). */
  memory?: ClusteringMemory;
  /** Milliseconds since the run started, read when the result is complete. */
  elapsedMs: () => number;
}

function countBy(patterns: ExtractedPattern[], key: (pattern: ExtractedPattern) => string | null): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const pattern of patterns) {
    const value = key(pattern);
    if (value !== null) counts[value] = (counts[value] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(counts).sort(([left], [right]) => compareText(left, right)));
}

/** Whether a unit stays in a run's result under its `--max-complexity` (always without one). */
export function keepUnit(unit: CodeUnit, maxComplexity: number | undefined): boolean {
  return maxComplexity === undefined || unit.metrics.cyclomatic <= maxComplexity;
}

function keepPattern(pattern: ExtractedPattern, input: AssembleResultInput): boolean {
  if (input.minQuality !== undefined && pattern.quality.score < input.minQuality) return false;
  return input.maxComplexity === undefined || pattern.complexity <= input.maxComplexity;
}

/**
 * Turns per-file extractions into the run's result: files in path order (so the output is
 * the same for any number of workers), patterns and relationships across files, the
 * `--min-quality` / `--max-complexity` filters, and the run's figures.
 */
export function assembleResult(input: AssembleResultInput): ExtractionResult {
  const files = [...input.extractions].sort((left, right) => compareText(left.file, right.file));
  const failures = [...input.failures].sort((left, right) => compareText(left.file, right.file));
  const built = buildPatterns({ files, coverage: input.coverage, memory: input.memory });
  const patterns = built.patterns.filter((pattern) => keepPattern(pattern, input));
  const kept = new Set(patterns.map((pattern) => pattern.key));
  const relationships = built.relationships.filter((relation) => kept.has(relation.source) && kept.has(relation.target));
  const units = applyUsageKinds(files, built.usageKinds)
    .flatMap((file) => file.units)
    .filter((unit) => keepUnit(unit, input.maxComplexity));
  const stats: ExtractionStats = {
    files: files.length,
    filesFailed: failures.length,
    lines: files.reduce((sum, file) => sum + file.lines, 0),
    bytes: files.reduce((sum, file) => sum + file.bytes, 0),
    units: units.length,
    patterns: patterns.length,
    patternsByType: countBy(patterns, (pattern) => pattern.patternType),
    patternsByKind: countBy(patterns, (pattern) => pattern.kind),
    durationMs: 0,
    jobs: input.jobs,
  };
  stats.durationMs = Math.round(input.elapsedMs());
  return { units, patterns, relationships, stats, failures };
}
