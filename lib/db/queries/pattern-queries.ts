import type { PatternStatus, ProjectRole } from "@/lib/domain";
import type { Queryable } from "../database";
import { translateDatabaseErrors } from "../database-error";

/** A pattern's quality score, the parts it is made of (DESIGN §4) and its cyclomatic complexity, as stored. */
export interface PatternQualityColumns {
  quality_score: number | null;
  complexity_score: number | null;
  documentation_score: number | null;
  test_coverage_score: number | null;
  reusability_score: number | null;
  maintainability_score: number | null;
  complexity: number | null;
}

/** A stored pattern version as callers see it (never its embedding or tsvector). */
export interface PatternRow extends PatternQualityColumns {
  id: string;
  project_id: string;
  pattern_type: string;
  kind: string | null;
  name: string;
  description: string;
  language: string | null;
  framework: string | null;
  code: string;
  content: Record<string, unknown>;
  tags: string[];
  dependencies: string[];
  fingerprint: string | null;
  embedding_model: string | null;
  confidence: number | null;
  /** The shape recurs (≥ 2 occurrences or ≥ 3 callers; never a data-only class or accessor): with a kind, what leads a list. */
  recurring: boolean;
  /** Real fan-in at the last ingest: distinct units that call, instantiate or extend it. */
  caller_count: number;
  /** Rank within its group in the default list (extraction's prominence); null for patterns made by hand. */
  prominence: number | null;
  usage_count: number;
  success_count: number;
  failure_count: number;
  success_rate: number | null;
  avg_rating: number | null;
  rating_count: number;
  match_count: number;
  /** The matches made with a project API key (agents, CI); the rest of match_count are people's searches. */
  agent_match_count: number;
  last_matched_at: string | null;
  last_used_at: string | null;
  version: number;
  parent_pattern_id: string | null;
  superseded_by: string | null;
  status: PatternStatus;
  validation_count: number;
  contradiction_count: number;
  extraction_method: string;
  extraction_model: string | null;
  extraction_confidence: number | null;
  /** A model's name, description and verdict on the kind (`motif describe`); null until one described it. */
  llm_name: string | null;
  llm_description: string | null;
  llm_kind_verdict: "confirmed" | "rejected" | "not_applicable" | null;
  llm_suggested_kind: string | null;
  described_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  /** The caller's role in the pattern's project (the schema's rule, as every policy applies it). */
  caller_role: ProjectRole | null;
}

/** Every column of {@link PatternRow}, for `select` lists over `public.patterns p`. */
export const patternColumns = `p.id, p.project_id, p.pattern_type, p.kind, p.name, p.description, p.language,
  p.framework, p.code, p.content, p.tags, p.dependencies, p.fingerprint, p.embedding_model, p.quality_score,
  p.complexity_score, p.documentation_score, p.test_coverage_score, p.reusability_score, p.maintainability_score,
  p.complexity, p.confidence, p.recurring, p.caller_count, p.prominence, p.usage_count, p.success_count, p.failure_count, p.success_rate, p.avg_rating,
  p.rating_count, p.match_count, p.agent_match_count, p.last_matched_at, p.last_used_at, p.version, p.parent_pattern_id,
  p.superseded_by, p.status, p.validation_count, p.contradiction_count, p.extraction_method, p.extraction_model,
  p.extraction_confidence, p.llm_name, p.llm_description, p.llm_kind_verdict, p.llm_suggested_kind, p.described_at,
  p.created_by, p.created_at, p.updated_at, private.project_role(p.project_id) as caller_role`;

/** The values a new pattern row is written with (new patterns and new versions alike). */
export interface NewPatternValues {
  projectId: string;
  patternType: string;
  kind: string | null;
  name: string;
  description: string;
  language: string | null;
  framework: string | null;
  code: string;
  content: Record<string, unknown>;
  tags: string[];
  dependencies: string[];
  fingerprint: string | null;
  searchText: string;
  embedding: string;
  embeddingModel: string;
  quality: { score: number | null; complexity: number | null; documentation: number | null; testCoverage: number | null; reusability: number | null; maintainability: number | null };
  complexity: number | null;
  confidence: number | null;
  /** Whether it recurs, its fan-in and prominence (a new version keeps its parent's); none for a pattern made by hand. */
  standing?: { recurring: boolean; callerCount: number; prominence: number | null };
  status: PatternStatus;
  version: number;
  parentPatternId: string | null;
  extractionMethod: string;
  extractionModel: string | null;
  extractionConfidence: number | null;
}

/** The pattern with this id, when RLS lets the caller see it; `forUpdate` locks the row. */
export async function getPatternById({
  transaction,
  patternId,
  forUpdate = false,
}: {
  transaction: Queryable;
  patternId: string;
  forUpdate?: boolean;
}): Promise<PatternRow | undefined> {
  const [pattern] = await translateDatabaseErrors(() =>
    transaction.query<PatternRow>(
      `select ${patternColumns} from public.patterns p where p.id = $1${forUpdate ? " for update of p" : ""}`,
      [patternId],
    ),
  );
  return pattern;
}

/** Inserts a pattern row (RLS: admins and members of its project). */
export async function insertPattern({ transaction, values }: { transaction: Queryable; values: NewPatternValues }) {
  const v = values;
  const [pattern] = await translateDatabaseErrors(() =>
    transaction.query<{ id: string }>(
      `insert into public.patterns (project_id, pattern_type, kind, name, description, language, framework, code,
         content, tags, dependencies, fingerprint, search_text, embedding, embedding_model, quality_score,
         complexity_score, documentation_score, test_coverage_score, reusability_score, maintainability_score,
         complexity, confidence, status, version, parent_pattern_id, extraction_method, extraction_model,
         extraction_confidence, recurring, caller_count, prominence)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::extensions.vector, $15, $16, $17, $18,
         $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32)
       returning id`,
      [
        v.projectId, v.patternType, v.kind, v.name, v.description, v.language, v.framework, v.code,
        JSON.stringify(v.content), v.tags, v.dependencies, v.fingerprint, v.searchText, v.embedding, v.embeddingModel,
        v.quality.score, v.quality.complexity, v.quality.documentation, v.quality.testCoverage, v.quality.reusability,
        v.quality.maintainability, v.complexity, v.confidence, v.status, v.version, v.parentPatternId,
        v.extractionMethod, v.extractionModel, v.extractionConfidence,
        v.standing?.recurring ?? false, v.standing?.callerCount ?? 0, v.standing?.prominence ?? null,
      ],
    ),
  );
  return pattern.id;
}

/** The fields a PATCH may change in place; undefined leaves a field as it is. */
export interface PatternFieldChanges {
  name?: string;
  tags?: string[];
  status?: PatternStatus;
  kind?: string | null;
  framework?: string | null;
  dependencies?: string[];
  content?: Record<string, unknown>;
  supersededBy?: string;
  embedding?: { vector: string; model: string };
}

/** Changes a pattern in place; false when RLS refused the write (no row came back). */
export async function updatePatternFieldsById({
  transaction,
  patternId,
  changes,
}: {
  transaction: Queryable;
  patternId: string;
  changes: PatternFieldChanges;
}): Promise<boolean> {
  const assignments: string[] = [];
  const params: unknown[] = [patternId];
  const set = (column: string, value: unknown, cast = "") => {
    params.push(value);
    assignments.push(`${column} = $${params.length}${cast}`);
  };
  if (changes.name !== undefined) set("name", changes.name);
  if (changes.tags !== undefined) set("tags", changes.tags);
  if (changes.status !== undefined) set("status", changes.status);
  if (changes.kind !== undefined) set("kind", changes.kind);
  if (changes.framework !== undefined) set("framework", changes.framework);
  if (changes.dependencies !== undefined) set("dependencies", changes.dependencies);
  if (changes.content !== undefined) set("content", JSON.stringify(changes.content), "::jsonb");
  if (changes.supersededBy !== undefined) set("superseded_by", changes.supersededBy);
  if (changes.embedding !== undefined) {
    set("embedding", changes.embedding.vector, "::extensions.vector");
    set("embedding_model", changes.embedding.model);
  }
  if (assignments.length === 0) return true;
  const rows = await translateDatabaseErrors(() =>
    transaction.query(`update public.patterns set ${assignments.join(", ")} where id = $1 returning id`, params),
  );
  return rows.length === 1;
}

/** Copies a pattern's live occurrences onto another pattern (a new version stands where the old one did). */
export async function copyPatternOccurrences({
  transaction,
  fromPatternId,
  toPatternId,
}: {
  transaction: Queryable;
  fromPatternId: string;
  toPatternId: string;
}): Promise<number> {
  const rows = await translateDatabaseErrors(() =>
    transaction.query(
      `insert into public.pattern_occurrences
         (project_id, pattern_id, repository, file_path, start_line, end_line, qualname, unit_kind, commit_sha, complexity)
       select project_id, $2, repository, file_path, start_line, end_line, qualname, unit_kind, commit_sha, complexity
       from public.pattern_occurrences where pattern_id = $1 and removed_at is null
       returning id`,
      [fromPatternId, toPatternId],
    ),
  );
  return rows.length;
}

/** Appends an event to the project's feed (RLS: admins and members). */
export async function insertPatternEvent({
  transaction,
  projectId,
  patternId,
  eventType,
  eventData,
}: {
  transaction: Queryable;
  projectId: string;
  patternId: string | null;
  eventType: string;
  eventData: Record<string, unknown>;
}): Promise<void> {
  await translateDatabaseErrors(() =>
    transaction.query(
      `insert into public.pattern_events (project_id, pattern_id, event_type, event_data) values ($1, $2, $3, $4::jsonb)`,
      [projectId, patternId, eventType, JSON.stringify(eventData)],
    ),
  );
}

/** Deletes a pattern for good through `hard_delete_pattern` (admins only; 403 otherwise). */
export async function hardDeletePatternById({ transaction, patternId }: { transaction: Queryable; patternId: string }) {
  await translateDatabaseErrors(() => transaction.query(`select public.hard_delete_pattern($1)`, [patternId]));
}
