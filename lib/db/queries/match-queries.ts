import type { MatchFilters } from "@/lib/domain";
import type { Queryable } from "../database";
import type { PatternQualityColumns } from "./pattern-queries";

/** One row of `public.match_patterns`: a pattern id and the parts of its rank. */
export interface MatchScoreRow {
  id: string;
  vector_similarity: number;
  vector_rank: number | null;
  text_score: number | null;
  text_rank: number | null;
  rrf_score: number;
  relevance: number;
  quality: number;
  smoothed_success_rate: number;
  final_score: number;
  total_matches: number;
  similarity_z: number | null;
  /** The intent's distinct words (full-text lexemes, negated ones left out). */
  intent_words: number;
  /** How many of them the pattern's full-text vector holds. */
  words_found: number;
}

/** What one call of `match_patterns` is asked. */
export interface MatchCall {
  transaction: Queryable;
  projectId: string;
  embedding: ArrayLike<number>;
  queryText: string;
  filters: MatchFilters;
  limit: number;
  minSimilarity: number;
}

/** `match_patterns`' arguments $1–$6, in its order. */
function matchArguments({ embedding, queryText, projectId, filters, limit, minSimilarity }: MatchCall): unknown[] {
  return [`[${Array.from(embedding).join(",")}]`, queryText, projectId, JSON.stringify(filters), limit, minSimilarity];
}

/** Runs the hybrid match function (security invoker: the caller's RLS applies). */
export async function matchPatternScores(call: MatchCall): Promise<MatchScoreRow[]> {
  return call.transaction.query<MatchScoreRow>(`select * from public.match_patterns($1::extensions.vector, $2, $3, $4::jsonb, $5, $6)`, matchArguments(call));
}

/** What a match answer shows of a pattern, with its live occurrences and similar patterns. */
export interface MatchDetailRow extends PatternQualityColumns {
  id: string;
  pattern_type: string;
  kind: string | null;
  name: string;
  description: string;
  language: string | null;
  framework: string | null;
  tags: string[];
  status: string;
  version: number;
  superseded_by: string | null;
  usage_count: number;
  success_count: number;
  failure_count: number;
  success_rate: number | null;
  avg_rating: number | null;
  match_count: number;
  last_matched_at: string | null;
  validation_count: number;
  contradiction_count: number;
  embedding_model: string | null;
  occurrence_count: number;
  occurrences: Array<{ repository: string; file_path: string; start_line: number; end_line: number; qualname: string | null }>;
  similar: Array<{ id: string; name: string; complexity: number | null; status: string }>;
}

// The columns of a match detail row, read from `p` (a pattern row). Counters come from
// `${counters}` so that the combined statement can take them from its own UPDATE.
const detailColumns = (counters: string) => `p.id, p.pattern_type, p.kind, p.name, p.description, p.language, p.framework, p.tags, p.status, p.version,
       p.superseded_by, p.quality_score, p.complexity_score, p.documentation_score, p.test_coverage_score,
       p.reusability_score, p.maintainability_score, p.complexity, p.usage_count, p.success_count, p.failure_count,
       p.success_rate, p.avg_rating, ${counters}, p.validation_count, p.contradiction_count,
       p.embedding_model,
       live.occurrence_count,
       coalesce(live.occurrences, '[]'::json) as occurrences,
       coalesce((
         select json_agg(json_build_object('id', q.id, 'name', q.name, 'complexity', q.complexity, 'status', q.status))
         from public.pattern_relationships r
         join public.patterns q on q.id = case when r.source_pattern_id = p.id then r.target_pattern_id else r.source_pattern_id end
         where r.project_id = p.project_id and r.relationship_type = 'SIMILAR_TO'
           and (r.source_pattern_id = p.id or r.target_pattern_id = p.id)
       ), '[]'::json) as similar`;

// One read of the live occurrences of `p` gives both the count and the first `limitParam` of them.
const liveOccurrences = (limitParam: string) => `cross join lateral (
       select count(*)::int as occurrence_count,
         json_agg(json_build_object('repository', o.repository, 'file_path', o.file_path, 'start_line', o.start_line, 'end_line', o.end_line, 'qualname', o.qualname)
           order by o.repository, o.file_path, o.start_line) filter (where o.position <= ${limitParam}) as occurrences
       from (
         select o.*, row_number() over (order by o.repository, o.file_path, o.start_line) as position
         from public.pattern_occurrences o
         where o.project_id = p.project_id and o.pattern_id = p.id and o.removed_at is null
       ) o
     ) live`;

/** Details of the matched patterns: live occurrences (first `occurrenceLimit`) and SIMILAR_TO neighbours. */
export async function listMatchDetailsByIds({
  transaction,
  ids,
  occurrenceLimit,
}: {
  transaction: Queryable;
  ids: string[];
  occurrenceLimit: number;
}): Promise<MatchDetailRow[]> {
  return transaction.query<MatchDetailRow>(
    `select ${detailColumns("p.match_count, p.last_matched_at")}
     from public.patterns p
     ${liveOccurrences("$2")}
     where p.id = any ($1::uuid[])`,
    [ids, occurrenceLimit],
  );
}

/** One matched pattern: the parts of its rank and its details (after the match was recorded). */
export type MatchedPatternRow = MatchScoreRow & { detail: MatchDetailRow | null };

/**
 * On a real Postgres a match's transaction commits without waiting for its WAL to reach the disk
 * (`synchronous_commit = off` for this transaction only): the match writes nothing but counters
 * (match_count, last_matched_at), and waiting for the flush cost every request a disk sync
 * (20 ms on the benchmark machine, `pgbench` of one-row commits; 0.4 ms without). A crash of the
 * database server may lose the last fraction of a second of counts; nothing else, and nothing
 * is corrupted. PGlite keeps waiting: it has no WAL writer to flush the records later.
 */
const asynchronousCommit = `relaxed as materialized (select pg_catalog.set_config('synchronous_commit', 'off', true) as setting),`;

/**
 * The whole match in one statement: `match_patterns` (security invoker: the caller's RLS
 * applies), +1 match_count and last_matched_at on the patterns it returns
 * (`record_pattern_match_counts`, whose RETURNING gives the counters as updated) and their
 * details, read under the caller's RLS. Rows in rank order; `detail` is null for a pattern the
 * caller cannot read.
 */
export async function matchPatternsWithDetails(call: MatchCall & { occurrenceLimit: number }): Promise<MatchedPatternRow[]> {
  // The CTEs are materialized and the update reads the match's ids, so the match runs first,
  // once; the details join reads the statement's snapshot (counters from before the update),
  // which is why the counters are taken from the update's RETURNING.
  // The limits change no answer (the functions return at most $5 rows) but tell the planner
  // so: a set-returning function is estimated at 1,000 rows, which priced the details at
  // ~135,000, above Postgres' jit_above_cost (100,000), and a real Postgres then JIT-compiled
  // every match: ~170 ms of CPU per request on the benchmark machine, for a statement that
  // runs in a few (tests/db/match-plan-cost.test.ts keeps the estimate below the threshold).
  const relaxCommit = call.transaction.driver === "postgres";
  const rows = await call.transaction.query<MatchScoreRow & { detail: MatchDetailRow | null }>(
    `with
     ${relaxCommit ? asynchronousCommit : ""}
     scores as materialized (
       select m.*, row_number() over () as position
       from public.match_patterns($1::extensions.vector, $2, $3, $4::jsonb, $5, $6) m
       limit greatest($5, 0)
     ),
     counted as materialized (
       select c.id, c.match_count, c.last_matched_at
       from public.record_pattern_match_counts(array(select s.id from scores s)) c
       limit greatest($5, 0)
     )
     select s.id, s.vector_similarity, s.vector_rank, s.text_score, s.text_rank, s.rrf_score, s.relevance, s.quality,
       s.smoothed_success_rate, s.final_score, s.total_matches, s.similarity_z, s.intent_words, s.words_found,
       (select to_json(d) from (
          select ${detailColumns("coalesce(c.match_count, p.match_count) as match_count, coalesce(c.last_matched_at, p.last_matched_at) as last_matched_at")}
          from public.patterns p
          ${liveOccurrences("$7")}
          left join counted c on c.id = p.id
          where p.id = s.id
        ) d) as detail
     from scores s ${relaxCommit ? "cross join relaxed" : ""}
     order by s.position`,
    [...matchArguments(call), call.occurrenceLimit],
  );
  return rows;
}

/** +1 match_count and last_matched_at = now() on the patterns the caller can see (viewers too). */
export async function recordPatternMatchesByIds({ transaction, ids }: { transaction: Queryable; ids: string[] }): Promise<number> {
  if (ids.length === 0) return 0;
  const [{ touched }] = await transaction.query<{ touched: number }>(`select public.record_pattern_matches($1::uuid[]) as touched`, [ids]);
  return touched;
}

/** One candidate of a match: the parts of its SQL rank, and the name and description the re-ranker reads. */
export type MatchCandidateRow = MatchScoreRow & { name: string; description: string };

/**
 * The first `limit` candidates of `match_patterns` in its order (security invoker: the caller's
 * RLS applies), each with its name and description, for lib/search's re-ranker. The candidate
 * lists are as long as for `candidateLimitFor` patterns (match_patterns' own default for that
 * limit), so asking for more rows to re-rank does not search wider. Records nothing.
 */
export async function listMatchCandidates(call: MatchCall & { candidateLimitFor: number }): Promise<MatchCandidateRow[]> {
  // Materialized with a limit, as in matchPatternsWithDetails: the planner then prices the
  // function at its real size, far below jit_above_cost (tests/db/match-plan-cost.test.ts).
  return call.transaction.query<MatchCandidateRow>(
    `with scores as materialized (
       select m.*, row_number() over () as position
       from public.match_patterns($1::extensions.vector, $2, $3, $4::jsonb, $5, $6, greatest(50, $7 * 10)) m
       limit greatest($5, 0)
     )
     select s.id, s.vector_similarity, s.vector_rank, s.text_score, s.text_rank, s.rrf_score, s.relevance, s.quality,
       s.smoothed_success_rate, s.final_score, s.total_matches, s.similarity_z, s.intent_words, s.words_found,
       p.name, p.description
     from scores s join public.patterns p on p.id = s.id
     order by s.position`,
    [...matchArguments(call), call.candidateLimitFor],
  );
}

/**
 * +1 match_count and last_matched_at on the matched patterns (`record_pattern_match_counts`)
 * and their details, in one statement: counters as updated, live occurrences (first
 * `occurrenceLimit`), SIMILAR_TO neighbours, read under the caller's RLS. A pattern the caller
 * cannot read has no row.
 */
export async function recordMatchDetailsByIds({ transaction, ids, occurrenceLimit }: { transaction: Queryable; ids: string[]; occurrenceLimit: number }): Promise<MatchDetailRow[]> {
  if (ids.length === 0) return [];
  const relaxCommit = transaction.driver === "postgres";
  return transaction.query<MatchDetailRow>(
    `with
     ${relaxCommit ? asynchronousCommit : ""}
     counted as materialized (
       select c.id, c.match_count, c.last_matched_at
       from public.record_pattern_match_counts($1::uuid[]) c
       limit 100
     )
     select ${detailColumns("coalesce(c.match_count, p.match_count) as match_count, coalesce(c.last_matched_at, p.last_matched_at) as last_matched_at")}
     from public.patterns p
     ${liveOccurrences("$2")}
     left join counted c on c.id = p.id
     ${relaxCommit ? "cross join relaxed" : ""}
     where p.id = any ($1::uuid[])`,
    [ids, occurrenceLimit],
  );
}
