import { createHash } from "node:crypto";
import type { StagedOccurrence, StagedPattern, StagedRelationship } from "@/lib/db";
import type { ExtractedPattern } from "@/lib/domain";
import { patternProminence } from "@/lib/extract";
import type { IngestSource, IngestUnit } from "./ingest-source";
import { searchTextForPattern } from "./search-text-for-pattern";

/** The staged rows of one ingest, and the extracted patterns by key (for embedding texts). */
export interface IngestRows {
  patterns: StagedPattern[];
  occurrences: StagedOccurrence[];
  relationships: StagedRelationship[];
  patternsByKey: Map<string, ExtractedPattern>;
  failedFiles: string[];
}

function metricsOf(pattern: ExtractedPattern, unitsById: ReadonlyMap<string, IngestUnit>) {
  const metrics = pattern.occurrences.map((occurrence) => unitsById.get(occurrence.unitId)?.metrics).filter((value) => value !== undefined);
  if (metrics.length === 0) return { cyclomatic: pattern.complexity };
  const max = (pick: (value: (typeof metrics)[number]) => number) => Math.max(...metrics.map(pick));
  return {
    cyclomatic: max((value) => value.cyclomatic),
    cognitive: max((value) => value.cognitive),
    max_nesting: max((value) => value.maxNesting),
    parameter_count: metrics[0].parameterCount,
    lines_of_code: metrics[0].linesOfCode,
  };
}

function stagedPattern(pattern: ExtractedPattern, unitsById: ReadonlyMap<string, IngestUnit>, embeddingModel: string): StagedPattern {
  const { parts } = pattern.quality;
  const row: Omit<StagedPattern, "extraction_hash"> = {
    key: pattern.key,
    fingerprint: pattern.fingerprint,
    pattern_type: pattern.patternType,
    kind: pattern.kind,
    name: pattern.name,
    description: pattern.description,
    language: pattern.language,
    framework: pattern.framework,
    code: pattern.code,
    content: {
      key: pattern.key,
      evidence: pattern.evidence,
      quality: { weights: pattern.quality.weights, notes: pattern.quality.notes },
      metrics: metricsOf(pattern, unitsById),
      // What this ingest wrote, so a later ingest can tell a person's edit from its own text.
      extracted: { name: pattern.name, description: pattern.description },
    },
    tags: pattern.tags,
    dependencies: pattern.dependencies,
    search_text: searchTextForPattern(pattern, unitsById),
    quality_score: pattern.quality.score,
    complexity_score: parts.complexity,
    documentation_score: parts.documentation,
    test_coverage_score: parts.testCoverage,
    reusability_score: parts.reusability,
    maintainability_score: parts.maintainability,
    complexity: pattern.complexity,
    confidence: pattern.confidence,
    recurring: pattern.recurring,
    caller_count: pattern.callers,
    prominence: Math.round(patternProminence(pattern) * 1_000_000) / 1_000_000,
    embedding_model: embeddingModel,
  };
  // Everything ingest extracts into the row. Not the embedding model: a pattern whose code did
  // not change is not rewritten when the provider changes; the re-embed job moves its vector.
  const { embedding_model: _model, ...extracted } = row;
  return { ...row, extraction_hash: createHash("sha256").update(JSON.stringify(extracted)).digest("hex").slice(0, 32) };
}

function stagedOccurrences(pattern: ExtractedPattern, unitsById: ReadonlyMap<string, IngestUnit>): StagedOccurrence[] {
  return pattern.occurrences.map((occurrence) => {
    const unit = unitsById.get(occurrence.unitId);
    return {
      key: pattern.key,
      // Exactly as extraction printed it (relative to the ingest's working directory).
      file_path: occurrence.file,
      start_line: occurrence.startLine,
      end_line: occurrence.endLine,
      qualname: occurrence.qualname,
      unit_kind: unit?.kind ?? null,
      complexity: unit?.metrics?.cyclomatic ?? null,
    };
  });
}

interface StagedRows {
  pattern: ExtractedPattern;
  units: (IngestUnit | undefined)[];
  embeddingModel: string;
  staged: StagedPattern;
  occurrences: StagedOccurrence[];
}

/**
 * A pattern's staged rows by key, as the last ingest of a repository built them. A clustering
 * memory hands back patterns whose fields are the very values of the last run's (shallow
 * copies): when every field and every occurrence's unit is the same object, so are the rows.
 */
export class StagedRowsCache {
  private entries = new Map<string, StagedRows>();
  private next = new Map<string, StagedRows>();

  /** The rows of a pattern, built or as last built from the same values. */
  rows(pattern: ExtractedPattern, unitsById: ReadonlyMap<string, IngestUnit>, embeddingModel: string): StagedRows {
    const units = pattern.occurrences.map((occurrence) => unitsById.get(occurrence.unitId));
    const last = this.entries.get(pattern.key);
    const same = last !== undefined && last.embeddingModel === embeddingModel && sameFields(last.pattern, pattern) && last.units.every((unit, index) => unit === units[index]);
    const rows = same ? last : { pattern, units, embeddingModel, staged: stagedPattern(pattern, unitsById, embeddingModel), occurrences: stagedOccurrences(pattern, unitsById) };
    this.next.set(pattern.key, rows);
    return rows;
  }

  /** Keeps only the patterns of the run that just ended (call once per run). */
  endRun(): void {
    this.entries = this.next;
    this.next = new Map();
  }
}

function sameFields(left: ExtractedPattern, right: ExtractedPattern): boolean {
  const keys = Object.keys(right) as (keyof ExtractedPattern)[];
  return keys.length === Object.keys(left).length && keys.every((key) => left[key] === right[key]);
}

/**
 * Turns an extraction into the rows ingest stages; a key seen twice keeps its first pattern.
 * `cache`: the repository's rows of the last ingest in this process (see `StagedRowsCache`).
 */
export function buildIngestRows(source: IngestSource, embeddingModel: string, cache?: StagedRowsCache): IngestRows {
  const unitsById = new Map((source.units ?? []).map((unit) => [unit.id, unit]));
  const patternsByKey = new Map<string, ExtractedPattern>();
  for (const pattern of source.patterns) if (!patternsByKey.has(pattern.key)) patternsByKey.set(pattern.key, pattern);
  const patterns = [...patternsByKey.values()];
  const built = patterns.map((pattern) => cache?.rows(pattern, unitsById, embeddingModel) ?? { staged: stagedPattern(pattern, unitsById, embeddingModel), occurrences: stagedOccurrences(pattern, unitsById) });
  cache?.endRun();
  return {
    patterns: built.map((rows) => rows.staged),
    occurrences: built.flatMap((rows) => rows.occurrences),
    relationships: source.relationships.map((relationship) => ({
      source_key: relationship.source,
      target_key: relationship.target,
      relationship_type: relationship.type,
      strength: relationship.strength,
      confidence: relationship.confidence,
      evidence: { reasons: relationship.evidence },
    })),
    patternsByKey,
    failedFiles: source.failures.map((failure) => failure.file),
  };
}
