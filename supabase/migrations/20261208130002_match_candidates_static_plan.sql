-- The candidate lists of an unfiltered match (no filter but the statuses: what an agent asks
-- most) run as one static statement, whose plan PL/pgSQL keeps for the session, instead of
-- the EXECUTE of 20261121001210_match_candidates_plans.sql, which planned the statement again
-- on every call. A filtered match still builds its statement for the filters it has (the
-- exact scan or the filtered HNSW scan, chosen from the planner's estimate, needs the plan
-- for the actual values). Same lists, same order, same ef_search; measured on real Postgres 15
-- at 100k patterns (pgbench, one backend, CPU from /proc): the unfiltered candidate statement
-- cost ~0.7 ms of planning per call beside ~3 ms of execution (docs/match-benchmark.md).

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
-- The static statement's plan is kept generic: with its own values Postgres would plan it
-- again on every call (a custom plan is estimated cheaper: it knows the limit).
set plan_cache_mode = force_generic_plan
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
  -- Local to this call: the function's own SET restores 120 when it returns.
  perform pg_catalog.set_config('hnsw.ef_search', least(1000, greatest(120, candidates * 2))::text, true);
  if not narrowed then
    -- No filter but the statuses: one static statement, whose plan the session keeps
    -- (EXECUTE would plan it again on every call).
    return query
    with
    vector_hits as (
      select hit.id, row_number() over (order by hit.distance, hit.id)::integer as rank
      from (
        select p.id, p.embedding operator(extensions.<=>) match_pattern_candidates.query_embedding as distance
        from public.patterns p
        where p.project_id = match_pattern_candidates.project_id
          and p.status = any (match_pattern_candidates.statuses)
          and p.embedding is not null
        order by p.embedding operator(extensions.<=>) match_pattern_candidates.query_embedding
        limit match_pattern_candidates.candidates
      ) hit
    ),
    text_hits as (
      select hit.id, hit.score, row_number() over (order by hit.score desc, hit.id)::integer as rank
      from (
        select p.id, pg_catalog.ts_rank_cd(p.search_vector, match_pattern_candidates.text_query) as score
        from public.patterns p
        where match_pattern_candidates.text_query is not null
          and p.search_vector operator(pg_catalog.@@) match_pattern_candidates.text_query
          and p.project_id = match_pattern_candidates.project_id
          and p.status = any (match_pattern_candidates.statuses)
        order by score desc, p.id
        limit match_pattern_candidates.candidates
      ) hit
    )
    select coalesce(v.id, t.id), v.rank, t.score, t.rank
    from vector_hits v
    full join text_hits t on t.id = v.id;
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
  select c.reltuples into total from pg_catalog.pg_class c where c.oid = 'public.patterns'::regclass;
  if total > 0 then
    matching := private.estimate_matching_patterns(conditions);
    exact := matching * matching <= 8.0 * candidates * total;
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
