import { encodeBinaryCopy, type CopyColumnType } from "../binary-copy";
import type { Queryable } from "../database";

/** One extracted pattern as ingest stages it (everything but the embedding). */
export interface StagedPattern {
  key: string;
  fingerprint: string;
  pattern_type: string;
  kind: string | null;
  name: string;
  description: string;
  language: string;
  framework: string | null;
  code: string;
  content: Record<string, unknown>;
  tags: string[];
  dependencies: string[];
  search_text: string;
  quality_score: number;
  complexity_score: number;
  documentation_score: number;
  test_coverage_score: number | null;
  reusability_score: number;
  maintainability_score: number;
  complexity: number;
  confidence: number;
  /** Whether the shape recurs, its real fan-in and its rank within its group (see migration 20261208430001). */
  recurring: boolean;
  caller_count: number;
  prominence: number;
  embedding_model: string;
  extraction_hash: string;
}

/** A staged pattern by key and extraction hash alone: enough to tell whether it must be written. */
export type StagedPatternKey = Pick<StagedPattern, "key" | "extraction_hash">;

/** One occurrence of a staged pattern, by the pattern's key. */
export interface StagedOccurrence {
  key: string;
  file_path: string;
  start_line: number;
  end_line: number;
  qualname: string | null;
  unit_kind: string | null;
  complexity: number | null;
}

/** One relationship between staged (or already stored) patterns, by keys. */
export interface StagedRelationship {
  source_key: string;
  target_key: string;
  relationship_type: string;
  strength: number;
  confidence: number;
  evidence: Record<string, unknown>;
}

type ColumnsOf<Row> = ReadonlyArray<readonly [keyof Row & string, CopyColumnType]>;

export const stagedPatternColumns: ColumnsOf<StagedPattern> = [
  ["key", "text"], ["fingerprint", "text"], ["pattern_type", "text"], ["kind", "text"], ["name", "text"],
  ["description", "text"], ["language", "text"], ["framework", "text"], ["code", "text"], ["content", "jsonb"],
  ["tags", "text[]"], ["dependencies", "text[]"], ["search_text", "text"], ["quality_score", "float8"],
  ["complexity_score", "float8"], ["documentation_score", "float8"], ["test_coverage_score", "float8"],
  ["reusability_score", "float8"], ["maintainability_score", "float8"], ["complexity", "int4"],
  ["confidence", "float8"], ["recurring", "bool"], ["caller_count", "int4"], ["prominence", "float8"],
  ["embedding_model", "text"], ["extraction_hash", "text"],
];
const occurrenceColumns: ColumnsOf<StagedOccurrence> = [
  ["key", "text"], ["file_path", "text"], ["start_line", "int4"], ["end_line", "int4"], ["qualname", "text"],
  ["unit_kind", "text"], ["complexity", "int4"],
];
const relationshipColumns: ColumnsOf<StagedRelationship> = [
  ["source_key", "text"], ["target_key", "text"], ["relationship_type", "text"], ["strength", "float8"],
  ["confidence", "float8"], ["evidence", "jsonb"],
];

const sqlType: Record<CopyColumnType, string> = {
  text: "text", bool: "boolean", int4: "integer", float8: "double precision", jsonb: "jsonb", "text[]": "text[]", vector: "extensions.vector(384)",
};

// Rows go in chunks: one COPY of 100k patterns with their code would be hundreds of MB in WASM memory.
const chunkRows = 4000;

async function stage<Row>(transaction: Queryable, table: string, columns: ColumnsOf<Row>, rows: readonly Row[]) {
  const definition = columns.map(([name, type]) => `${name} ${sqlType[type]}`).join(", ");
  await transaction.query(`create temp table ${table} (${definition}) on commit drop`);
  await copyRows(transaction, table, columns, rows);
}

async function copyRows<Row>(transaction: Queryable, table: string, columns: ColumnsOf<Row>, rows: readonly Row[]) {
  const names = columns.map(([name]) => name);
  const types = columns.map(([, type]) => type);
  for (let start = 0; start < rows.length; start += chunkRows) {
    const chunk = rows.slice(start, start + chunkRows).map((row) => names.map((name) => row[name as keyof Row]));
    await transaction.copyBinary({ table, columns: names, data: encodeBinaryCopy(types, chunk) });
  }
}

/**
 * Loads an ingest's patterns, occurrences and relationships into temp tables of the current
 * transaction (binary COPY), from which the ingest statements upsert under the caller's RLS.
 * Patterns may be staged by key and extraction hash alone (the rest null): `resolveIngestTargets`
 * needs no more, and `restageIngestPatterns` then gives the ones it must write in full.
 */
export async function stageIngestRows({
  transaction,
  patterns,
  occurrences,
  relationships,
}: {
  transaction: Queryable;
  /** Full rows, or key and extraction hash alone (see `restageIngestPatterns`). */
  patterns: ReadonlyArray<StagedPattern | StagedPatternKey>;
  occurrences: readonly StagedOccurrence[];
  relationships: readonly StagedRelationship[];
}): Promise<void> {
  await stage<Partial<StagedPattern>>(transaction, "ingest_patterns", stagedPatternColumns, patterns);
  await stage(transaction, "ingest_occurrences", occurrenceColumns, occurrences);
  await stage(transaction, "ingest_relationships", relationshipColumns, relationships);
  await transaction.query(`create index on pg_temp.ingest_patterns (key)`);
}

/**
 * Replaces staged patterns by their full rows (those `resolveIngestTargets` found new or
 * changed, staged first by key and hash alone): an ingest that changed a few patterns of
 * thousands copies a few rows' code and texts, not all of them.
 */
export async function restageIngestPatterns({ transaction, patterns }: { transaction: Queryable; patterns: readonly StagedPattern[] }): Promise<void> {
  if (patterns.length === 0) return;
  await transaction.query(`delete from pg_temp.ingest_patterns where key = any ($1::text[])`, [patterns.map((pattern) => pattern.key)]);
  await copyRows(transaction, "ingest_patterns", stagedPatternColumns, patterns);
}

/** Loads the embeddings of the patterns that need writing (by key). */
export async function stageIngestEmbeddings({
  transaction,
  embeddings,
}: {
  transaction: Queryable;
  embeddings: ReadonlyArray<{ key: string; embedding: Float32Array }>;
}): Promise<void> {
  await stage(transaction, "ingest_embeddings", [["key", "text"], ["embedding", "vector"]] as ColumnsOf<{ key: string; embedding: Float32Array }>, embeddings);
}
