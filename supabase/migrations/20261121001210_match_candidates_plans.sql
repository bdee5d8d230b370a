-- The candidate lists of a match, planned for the filters each call actually has.
--
-- private.match_pattern_candidates ran its two queries as static PL/pgSQL statements, which
-- Postgres prepares once and, after a few calls, runs with one generic plan for every
-- filter: "(kinds is null or p.kind = any (kinds))" with kinds unknown. That plan walked the
-- HNSW graph whatever the filter, and a filter that keeps 3 % of the patterns made the
-- relaxed iterative scan visit thousands of index tuples before it had 50 that pass (at 100k
-- patterns: p50 72 ms, p99 136 ms for kinds=[validation]). Planned for the real values,
-- the function now builds its WHERE clause from the filters that are set (values as quoted
-- literals, never spliced text) and runs it with EXECUTE, which plans every call.
--
-- Which scan serves the vector list is decided here, from the planner's row estimate for the
-- filters: an exact scan reads every matching row, the filtered HNSW scan visits about
-- candidates * total / matching index tuples. Measured at 100k patterns (2 cores, load 1-3,
-- 135 intents per filter):
--   kinds=[validation], 3,000 rows (btree): exact p50 10.3 ms (3.4 us/row);
--     HNSW 53 ms for one intent, p50 134 ms over 40 (~1,660 tuples: 30-80 us each)
--   tags=[shipping], 5,400 rows (GIN): exact p50 31 ms (5.8 us/row);
--     HNSW p50 38 ms, p99 157 ms (~930 tuples: ~40 us each)
-- so an HNSW tuple costs ~8 exact rows, and the exact scan, which is also exact, wins while
--   matching^2 <= 8 * candidates * total
-- (at 100k patterns and 50 candidates: up to ~6,300 matching rows). One EXPLAIN per filter
-- had suggested 4, which sent the tag filter to the slower HNSW scan. pgvector's own cost
-- model kept the HNSW scan for 3,000 of 100,000 rows (53 ms where the exact scan takes ~10).
-- Without statistics (a table never analysed) the estimate means nothing, and the HNSW scan
-- is kept; ingest analyses the filter columns (lib/db refreshPatternStatistics).
--
-- hnsw.ef_search follows the number of candidates: the search keeps twice as many in view
-- as it must return (120 at least, 1000 at most, pgvector's limit). With 120 for every
-- limit, a limit of 10 (100 candidates) found 0.965 of the exact top 10 in its list at 100k
-- patterns; with 200, 0.991.
--
-- The embedding is stored in the row, uncompressed (storage plain) instead of toasted: an
-- exact scan of a filtered set reads every row's vector, and fetching 1.5 kB from the TOAST
-- table (or decompressing it: the built-in embedder's vectors are sparse and compress well)
-- made it ~5x slower (3,000 rows: 36 ms toasted, 6.6 ms in the row). The other large columns
-- are still toasted, so a row stays far below a page. It applies to rows written from now on
-- (ingest, re-embedding); stored rows keep theirs until rewritten.
alter table public.patterns alter column embedding set storage plain;

-- The planner's estimate of how many patterns satisfy a WHERE clause. volatile because
-- Postgres runs EXPLAIN only there (the match functions are stable). It runs the text it is
-- given, so nobody but the owner may call it: match_pattern_candidates (security definer)
-- passes only the clause it built from quoted literals.
create or replace function private.estimate_matching_patterns(conditions text)
returns double precision
language plpgsql
volatile
set search_path = ''
as $$
declare
  plan json;
begin
  execute 'explain (format json) select 1 from public.patterns p where ' || conditions into plan;
  return (plan -> 0 -> 'Plan' ->> 'Plan Rows')::double precision;
end
$$;

revoke execute on function private.estimate_matching_patterns(text) from public, anon, authenticated, service_role;

create or replace function private.match_pattern_candidates(
  query_embedding extensions.vector(384),
  text_query tsquery,
  project_id uuid,
  statuses text[],
  pattern_types text[],
  kinds text[],
  languages text[],
  tags text[],
  min_quality_score double precision,
  min_success_rate double precision,
  candidates integer
)
returns table (id uuid, vector_rank integer, text_score real, text_rank integer)
language plpgsql
stable
security definer
set search_path = ''
set hnsw.iterative_scan = relaxed_order
set hnsw.ef_search = 120
as $$
#variable_conflict use_column
declare
  conditions text;
  narrowed boolean := coalesce(pattern_types, kinds, languages, tags) is not null
    or min_quality_score is not null or min_success_rate is not null;
  total double precision;
  matching double precision;
  exact boolean := false;
  nearest text;
begin
  if not (auth.role() = 'service_role'
          or match_pattern_candidates.project_id in (select private.project_ids_with_role(array['admin', 'member', 'viewer']))) then
    return;
  end if;
  conditions := concat_ws(' and ',
    format('p.project_id = %L::uuid', match_pattern_candidates.project_id),
    format('p.status = any (%L::text[])', statuses),
    case when pattern_types is not null then format('p.pattern_type = any (%L::text[])', pattern_types) end,
    case when kinds is not null then format('p.kind = any (%L::text[])', kinds) end,
    case when languages is not null then format('p.language = any (%L::text[])', languages) end,
    case when tags is not null then format('p.tags && %L::text[]', tags) end,
    case when min_quality_score is not null then format('p.quality_score >= %L::double precision', min_quality_score) end,
    case when min_success_rate is not null then format('p.success_rate >= %L::double precision', min_success_rate) end);
  -- Local to this call: the function's own SET restores 120 when it returns.
  perform pg_catalog.set_config('hnsw.ef_search', least(1000, greatest(120, candidates * 2))::text, true);
  if narrowed then
    select c.reltuples into total from pg_catalog.pg_class c where c.oid = 'public.patterns'::regclass;
    if total > 0 then
      matching := private.estimate_matching_patterns(conditions);
      exact := matching * matching <= 8.0 * candidates * total;
    end if;
  end if;
  nearest := format(
    'select p.id, p.embedding operator(extensions.<=>) $1 as distance from public.patterns p where %s and p.embedding is not null',
    conditions);
  -- offset 0 keeps the sort out of the scan: the rows are read and sorted, the index unused.
  nearest := case when exact then format('select f.id, f.distance from (%s offset 0) f order by f.distance limit $3', nearest)
    else nearest || ' order by p.embedding operator(extensions.<=>) $1 limit $3' end;
  return query execute format($query$
    with
    vector_hits as (
      select hit.id, row_number() over (order by hit.distance, hit.id)::integer as rank
      from (%2$s) hit
    ),
    text_hits as (
      select hit.id, hit.score, row_number() over (order by hit.score desc, hit.id)::integer as rank
      from (
        select p.id, pg_catalog.ts_rank_cd(p.search_vector, $2) as score
        from public.patterns p
        where $2 is not null and p.search_vector @@ $2 and %1$s
        order by score desc, p.id
        limit $3
      ) hit
    )
    select coalesce(v.id, t.id), v.rank, t.score, t.rank
    from vector_hits v
    full join text_hits t on t.id = v.id
  $query$, conditions, nearest) using query_embedding, text_query, candidates;
end
$$;
