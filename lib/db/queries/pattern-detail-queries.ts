import type { Queryable } from "../database";
import { translateDatabaseErrors } from "../database-error";
import { patternColumns, type PatternRow } from "./pattern-queries";

/** Where a pattern stands in code. */
export interface OccurrenceRow {
  repository: string;
  file_path: string;
  start_line: number;
  end_line: number;
  qualname: string | null;
  unit_kind: string | null;
  commit_sha: string | null;
  complexity: number | null;
}

/** A relationship seen from one pattern: the other end, and which way the edge points. */
export interface RelationshipRow {
  direction: "outgoing" | "incoming";
  relationship_type: string;
  pattern_id: string;
  pattern_name: string;
  strength: number;
  confidence: number;
  evidence: unknown;
}

/** The live occurrences of the patterns given (not marked removed by ingest), in file and line order (RLS applies). */
export async function listOccurrencesByPatternIds({
  transaction,
  patternIds,
}: {
  transaction: Queryable;
  patternIds: string[];
}): Promise<(OccurrenceRow & { pattern_id: string })[]> {
  if (patternIds.length === 0) return [];
  return translateDatabaseErrors(() =>
    transaction.query<OccurrenceRow & { pattern_id: string }>(
      `select pattern_id, repository, file_path, start_line, end_line, qualname, unit_kind, commit_sha, complexity
       from public.pattern_occurrences where pattern_id = any($1::uuid[]) and removed_at is null
       order by repository, file_path, start_line`,
      [patternIds],
    ),
  );
}

/** The relationships of a pattern in both directions, strongest first (RLS applies). */
export async function listRelationshipsByPatternId({
  transaction,
  patternId,
}: {
  transaction: Queryable;
  patternId: string;
}): Promise<RelationshipRow[]> {
  return translateDatabaseErrors(() =>
    transaction.query<RelationshipRow>(
      `select case when r.source_pattern_id = $1 then 'outgoing' else 'incoming' end as direction,
              r.relationship_type, other.id as pattern_id, other.name as pattern_name,
              r.strength, r.confidence, r.evidence
       from public.pattern_relationships r
       join public.patterns other
         on other.id = case when r.source_pattern_id = $1 then r.target_pattern_id else r.source_pattern_id end
       where r.source_pattern_id = $1 or r.target_pattern_id = $1
       order by r.strength desc, r.relationship_type, other.name`,
      [patternId],
    ),
  );
}

/**
 * Every version in the lineage of a pattern, oldest first, reached from any of its versions:
 * up the parent links to the first version, then down through every later version.
 */
export async function listLineageByPatternId({
  transaction,
  patternId,
}: {
  transaction: Queryable;
  patternId: string;
}): Promise<PatternRow[]> {
  return translateDatabaseErrors(() =>
    transaction.query<PatternRow>(
      `with recursive ancestors as (
         select id, parent_pattern_id, 0 as depth from public.patterns where id = $1
         union all
         select parent.id, parent.parent_pattern_id, a.depth + 1
         from ancestors a join public.patterns parent on parent.id = a.parent_pattern_id
         where a.depth < 10000
       ),
       root as (select id from ancestors order by depth desc limit 1),
       descendants as (
         select id, 0 as depth from root
         union all
         select child.id, d.depth + 1
         from descendants d join public.patterns child on child.parent_pattern_id = d.id
         where d.depth < 10000
       )
       select ${patternColumns}
       from descendants d join public.patterns p on p.id = d.id
       order by p.version, p.created_at, p.id`,
      [patternId],
    ),
  );
}

/** The code and language of the patterns given, by id (RLS applies: hidden ones are absent). */
export async function listPatternCodeByIds({
  transaction,
  patternIds,
}: {
  transaction: Queryable;
  patternIds: string[];
}): Promise<Map<string, { code: string; language: string | null }>> {
  if (patternIds.length === 0) return new Map();
  const rows = await translateDatabaseErrors(() =>
    transaction.query<{ id: string; code: string; language: string | null }>(
      `select id, code, language from public.patterns where id = any($1::uuid[])`,
      [patternIds],
    ),
  );
  return new Map(rows.map((row) => [row.id, { code: row.code, language: row.language }]));
}
