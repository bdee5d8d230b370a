import type { Queryable } from "../database";

/** A pattern to describe, with what a model is shown of it. */
export interface PatternToDescribe {
  id: string;
  pattern_type: string;
  kind: string | null;
  name: string;
  description: string;
  language: string | null;
  code: string;
  tags: string[];
  dependencies: string[];
  complexity: number | null;
  content: Record<string, unknown>;
  extraction_hash: string | null;
  embedding_model: string | null;
  qualnames: string[];
  files: string[];
}

// Current versions never described, or re-ingested with other code since.
const toDescribe = `p.project_id = $1 and p.superseded_by is null and p.status in ('pending', 'active')
  and (p.described_at is null or p.described_hash is distinct from p.extraction_hash)`;

/** How many of a project's current patterns wait for a model's description. */
export async function countPatternsToDescribe({ transaction, projectId }: { transaction: Queryable; projectId: string }): Promise<number> {
  const [row] = await transaction.query<{ count: number }>(`select count(*)::int as count from public.patterns p where ${toDescribe}`, [projectId]);
  return row.count;
}

/**
 * The next patterns to describe, those that lead a list first (a design-pattern kind, more
 * occurrences, higher quality), with the names and files they occur under.
 */
export async function listPatternsToDescribe({ transaction, projectId, limit }: { transaction: Queryable; projectId: string; limit: number }): Promise<PatternToDescribe[]> {
  return transaction.query<PatternToDescribe>(
    `select p.id, p.pattern_type, p.kind, p.name, p.description, p.language, p.code, p.tags, p.dependencies, p.complexity,
       p.content, p.extraction_hash, p.embedding_model,
       array(select distinct o.qualname from public.pattern_occurrences o
             where o.project_id = p.project_id and o.pattern_id = p.id and o.removed_at is null and o.qualname is not null order by 1 limit 12) as qualnames,
       array(select distinct o.file_path from public.pattern_occurrences o
             where o.project_id = p.project_id and o.pattern_id = p.id and o.removed_at is null order by 1 limit 12) as files
     from public.patterns p
     where ${toDescribe}
     order by (p.kind is not null) desc,
       (select count(*) from public.pattern_occurrences o where o.project_id = p.project_id and o.pattern_id = p.id and o.removed_at is null) desc,
       p.quality_score desc nulls last, p.id
     limit $2`,
    [projectId, limit],
  );
}

/** What a model said of a pattern, and the vector of its text with the description in it. */
export interface PatternDescriptionValues {
  projectId: string;
  patternId: string;
  name: string;
  description: string;
  kindVerdict: "confirmed" | "rejected" | "not_applicable";
  suggestedKind: string | null;
  confidence: number;
  extractionMethod: "local_llm" | "commercial_llm";
  /** "provider:model", e.g. "openai:gpt-4o-mini-2024-07-18". */
  extractionModel: string;
  /** The extraction_hash the model saw. */
  describedHash: string | null;
  /** pgvector text of the re-embedded pattern, and the model that embedded it. */
  embedding?: { vector: string; model: string };
}

/** Stores a model's description of a pattern. Returns false when the pattern changed meanwhile (it stays to describe). */
export async function writePatternDescription({ transaction, values }: { transaction: Queryable; values: PatternDescriptionValues }): Promise<boolean> {
  const rows = await transaction.query(
    `update public.patterns set llm_name = $3, llm_description = $4, llm_kind_verdict = $5, llm_suggested_kind = $6,
       extraction_confidence = $7, extraction_method = $8, extraction_model = $9, described_at = now(), described_hash = $10,
       embedding = coalesce($11::extensions.vector, embedding), embedding_model = coalesce($12, embedding_model)
     where project_id = $1 and id = $2 and extraction_hash is not distinct from $10
     returning 1`,
    [
      values.projectId, values.patternId, values.name, values.description, values.kindVerdict, values.suggestedKind, values.confidence,
      values.extractionMethod, values.extractionModel, values.describedHash, values.embedding?.vector ?? null, values.embedding?.model ?? null,
    ],
  );
  return rows.length > 0;
}
