-- A filtered match whose vector list is ranked exactly (the planner expects few matching
-- patterns: see 20261121001210_match_candidates_plans.sql) and whose filters name tags or
-- kinds reads the vectors from private.pattern_filter_vectors (20261209130001), an
-- index-only scan of the rows of those tags or kinds, instead of the patterns' heap rows.
-- The copy holds the vectors as halfvec: the top rows by that distance (four times the
-- candidates asked for) are ranked again by the pattern's own vector, so the list is the one
-- the exact scan of the heap gives (tests/db/match-filter-vectors.test.ts compares them).
-- Everything else is as in 20261208130002_match_candidates_static_plan.sql.

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
  filter_keys text[];
  copy_conditions text;
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
  -- The keys of the copy's rows that hold every matching pattern: its kinds when the filters
  -- name kinds, else its tags (either is a superset of the answer; the other conditions are
  -- checked on the copy's own columns).
  filter_keys := case
    when kinds is not null then array(select 'kind:' || k from unnest(kinds) k)
    when tags is not null then array(select 'tag:' || t from unnest(tags) t)
  end;
  if exact and filter_keys is not null then
    copy_conditions := concat_ws(' and ',
      format('v.project_id = %L::uuid', match_pattern_candidates.project_id),
      format('v.filter_key = any (%L::text[])', filter_keys),
      format('v.status = any (%L::text[])', statuses),
      case when pattern_types is not null then format('v.pattern_type = any (%L::text[])', pattern_types) end,
      case when languages is not null then format('v.language = any (%L::text[])', languages) end,
      case when kinds is not null and tags is not null then format('v.tags && %L::text[]', tags) end,
      case when min_quality_score is not null then format('v.quality_score >= %L::double precision', min_quality_score) end,
      case when min_success_rate is not null then format('v.success_rate >= %L::double precision', min_success_rate) end);
    -- A pattern with two of the asked tags has two rows: min() keeps one. offset 0 keeps the
    -- sort out of the scan (an index-only scan of the copy, sorted by the halfvec distance).
    nearest := format($nearest$
      select p.id, p.embedding operator(extensions.<=>) $1 as distance
      from (
        select r.pattern_id, %2$s as rough
        from (select v.pattern_id, v.embedding from private.pattern_filter_vectors v where %1$s offset 0) r
        %3$s
        order by rough, r.pattern_id
        limit $3 * 4
      ) c
      join public.patterns p on p.id = c.pattern_id
      order by distance, p.id
      limit $3
    $nearest$,
      copy_conditions,
      case when cardinality(filter_keys) > 1
        then 'min(r.embedding operator(extensions.<=>) ($1)::extensions.halfvec(384))'
        else 'r.embedding operator(extensions.<=>) ($1)::extensions.halfvec(384)' end,
      case when cardinality(filter_keys) > 1 then 'group by r.pattern_id' else '' end);
  else
    nearest := format(
      'select p.id, p.embedding operator(extensions.<=>) $1 as distance from public.patterns p where %s and p.embedding is not null',
      conditions);
    -- offset 0 keeps the sort out of the scan: the rows are read and sorted, the index unused.
    nearest := case when exact then format('select f.id, f.distance from (%s offset 0) f order by f.distance limit $3', nearest)
      else nearest || ' order by p.embedding operator(extensions.<=>) $1 limit $3' end;
  end if;
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
