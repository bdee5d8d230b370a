import type { Queryable } from "../database";

/** What an ingest found it must write for a staged pattern. */
export interface PatternWriteNeed {
  key: string;
  /** The current version the key resolves to, when the pattern exists. */
  pattern_id: string | null;
}

/**
 * Serialises ingests of one project (two concurrent ingests would both see a key as new) and
 * resolves every staged key to the current version of its pattern: the row carrying the key,
 * followed along `superseded_by` to the version nobody superseded. Returns the keys whose
 * pattern is new or whose extracted content changed (a different extraction hash).
 */
export async function resolveIngestTargets({ transaction, projectId }: { transaction: Queryable; projectId: string }) {
  await transaction.query(`select pg_advisory_xact_lock(hashtextextended('motif.ingest:' || $1::text, 0))`, [projectId]);
  await transaction.query(
    `create temp table ingest_targets on commit drop as
     with recursive chain as (
       select s.key, p.id, p.superseded_by, 0 as depth
       from pg_temp.ingest_patterns s
       join public.patterns p on p.project_id = $1 and p.extraction_key = s.key
       union all
       select c.key, p.id, p.superseded_by, c.depth + 1
       from chain c
       join public.patterns p on p.project_id = $1 and p.id = c.superseded_by
       where c.depth < 100
     )
     select distinct on (c.key) c.key, c.id as pattern_id, p.extraction_hash
     from chain c join public.patterns p on p.id = c.id
     where c.superseded_by is null
     order by c.key, p.version desc, p.created_at desc`,
    [projectId],
  );
  await transaction.query(`create index on pg_temp.ingest_targets (key)`);
  return transaction.query<PatternWriteNeed>(
    `select s.key, t.pattern_id
     from pg_temp.ingest_patterns s left join pg_temp.ingest_targets t on t.key = s.key
     where t.extraction_hash is distinct from s.extraction_hash`,
  );
}

// Columns ingest owns, set from the staged row on insert and on a changed re-ingest.
const ownedColumns = [
  "fingerprint", "pattern_type", "kind", "language", "framework", "code", "content", "tags", "dependencies",
  "search_text", "quality_score", "complexity_score", "documentation_score", "test_coverage_score",
  "reusability_score", "maintainability_score", "complexity", "confidence", "recurring", "caller_count", "prominence",
  "embedding_model", "extraction_hash",
];

/**
 * Writes staged patterns that need it: updates changed ones (name and description only while
 * they still read as the last ingest wrote them, so a person's edit survives), inserts new
 * ones, and records each in `ingest_written` with what happened. Unchanged rows are not
 * touched at all, so their updated_at stays.
 */
export async function writeIngestPatterns({ transaction, projectId }: { transaction: Queryable; projectId: string }) {
  await transaction.query(`create temp table ingest_written (pattern_id uuid, key text, change text) on commit drop`);
  await transaction.query(
    `with updated as (
       update public.patterns p set
         ${ownedColumns.map((column) => `${column} = s.${column}`).join(", ")},
         name = case when p.name = p.content #>> '{extracted,name}' then s.name else p.name end,
         description = case when p.description = p.content #>> '{extracted,description}' then s.description else p.description end,
         embedding = coalesce(e.embedding, p.embedding)
       from pg_temp.ingest_patterns s
       join pg_temp.ingest_targets t on t.key = s.key
       left join pg_temp.ingest_embeddings e on e.key = s.key
       where p.id = t.pattern_id and p.extraction_hash is distinct from s.extraction_hash
       returning p.id, s.key
     )
     insert into pg_temp.ingest_written select id, key, 'updated' from updated`,
  );
  await transaction.query(
    `with inserted as (
       insert into public.patterns (project_id, extraction_key, name, description, embedding, extraction_method, ${ownedColumns.join(", ")})
       select $1, s.key, s.name, s.description, e.embedding, 'ast', ${ownedColumns.map((column) => `s.${column}`).join(", ")}
       from pg_temp.ingest_patterns s
       left join pg_temp.ingest_embeddings e on e.key = s.key
       where not exists (select 1 from pg_temp.ingest_targets t where t.key = s.key)
       returning id, extraction_key
     ),
     targets as (insert into pg_temp.ingest_targets (key, pattern_id) select extraction_key, id from inserted)
     insert into pg_temp.ingest_written select id, extraction_key, 'created' from inserted`,
    [projectId],
  );
  // Looked up per occurrence change when events are recorded.
  await transaction.query(`create index on pg_temp.ingest_written (pattern_id)`);
  const [counts] = await transaction.query<{ created: number; updated: number }>(
    `select count(*) filter (where change = 'created')::int as created, count(*) filter (where change = 'updated')::int as updated
     from pg_temp.ingest_written`,
  );
  return counts;
}

/** One `pattern.created` / `pattern.updated` event per written pattern (the live feed). */
export async function recordIngestPatternEvents({
  transaction,
  projectId,
  details,
}: {
  transaction: Queryable;
  projectId: string;
  /** Merged into every event's data: the job, the repository. */
  details: Record<string, unknown>;
}): Promise<number> {
  const [{ count }] = await transaction.query<{ count: number }>(
    `with recorded as (
     insert into public.pattern_events (project_id, pattern_id, event_type, event_data)
     select $1, w.pattern_id, case w.change when 'created' then 'pattern.created' else 'pattern.updated' end,
       $2::jsonb || jsonb_build_object('name', s.name, 'kind', s.kind, 'pattern_type', s.pattern_type, 'change', w.change)
     from pg_temp.ingest_written w join pg_temp.ingest_patterns s on s.key = w.key
     order by w.change, s.key
     returning 1)
     select count(*)::int as count from recorded`,
    [projectId, JSON.stringify(details)],
  );
  return count;
}

/** Recounts the project's full-text lexemes, which the match uses to keep an intent's rare words. */
export async function refreshSearchLexemeStats({ transaction, projectId }: { transaction: Queryable; projectId: string }): Promise<number> {
  const [{ counted }] = await transaction.query<{ counted: number }>(`select public.refresh_search_lexeme_stats($1) as counted`, [projectId]);
  return counted;
}

/**
 * Keeps the full-text vectors of the stored patterns the next `writeIngestPatterns` will
 * update (their extraction changed), for `adjustSearchLexemeStats` to take them off the counts.
 */
export async function keepReplacedSearchVectors({ transaction }: { transaction: Queryable }): Promise<void> {
  await transaction.query(
    `create temp table ingest_replaced_vectors on commit drop as
     select p.search_vector from public.patterns p
     join pg_temp.ingest_targets t on t.pattern_id = p.id
     join pg_temp.ingest_patterns s on s.key = t.key
     where p.extraction_hash is distinct from s.extraction_hash`,
  );
}

/**
 * Adjusts the project's lexeme counts by what `writeIngestPatterns` changed: the lexemes of
 * the written patterns' vectors in, those of the vectors they replaced out
 * (`keepReplacedSearchVectors`). The same counts as `refreshSearchLexemeStats` when the counts
 * were exact before; the caller knows when they are.
 */
export async function adjustSearchLexemeStats({ transaction, projectId }: { transaction: Queryable; projectId: string }): Promise<number> {
  const [{ adjusted }] = await transaction.query<{ adjusted: number }>(
    `with replaced as (select word, ndoc from ts_stat('select search_vector from pg_temp.ingest_replaced_vectors')),
     written as (select word, ndoc from ts_stat('select p.search_vector from public.patterns p join pg_temp.ingest_written w on w.pattern_id = p.id')),
     changes as (
       select coalesce(w.word, r.word) as word, coalesce(w.ndoc, 0) - coalesce(r.ndoc, 0) as change
       from written w full join replaced r on r.word = w.word
     )
     select public.adjust_search_lexeme_stats($1::uuid, coalesce(jsonb_object_agg(word, change) filter (where change <> 0), '{}'::jsonb)) as adjusted
     from changes`,
    [projectId],
  );
  return adjusted;
}

/**
 * The columns match_patterns filters on: all the planner needs to choose an exact scan or the
 * HNSW index. The vectors and texts would make ANALYZE five times slower (2.6 s instead of
 * 0.5 s at 100k rows).
 */
export const patternStatisticsColumns = ["project_id", "status", "pattern_type", "kind", "language", "tags", "quality_score", "success_rate"];

/**
 * Refreshes the planner's statistics of the patterns table once an ingest changed enough of
 * it, by autovacuum's own rule (50 rows + 10 % of the table). Embedded Postgres (PGlite) has
 * no autovacuum, and match_patterns decides between an exact scan and the HNSW index from
 * the planner's row estimates: without statistics every filtered match takes the slow path.
 * Runs as the connecting role (the owner); elsewhere Postgres skips it with a warning.
 * Resolves to true when it analysed.
 */
export async function refreshPatternStatistics({ database, changedRows }: { database: Queryable; changedRows: number }): Promise<boolean> {
  const [{ tuples }] = await database.query<{ tuples: number }>(`select reltuples::float8 as tuples from pg_class where oid = 'public.patterns'::regclass`);
  if (changedRows === 0 || (tuples >= 0 && changedRows < 50 + 0.1 * tuples)) return false;
  await database.query(`analyze public.patterns (${patternStatisticsColumns.join(", ")})`);
  return true;
}
