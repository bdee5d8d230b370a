-- The knowledge base's read and write paths: what ingest needs to upsert extracted patterns
-- idempotently, the hybrid match function, and the counters a match updates.

-- ---------------------------------------------------------------------------------------
-- Ingest bookkeeping.
-- extraction_key: the extraction's stable pattern key (derived from the structural
--   fingerprint); ingest finds the pattern a re-extracted cluster belongs to by it.
-- extraction_hash: a hash of everything ingest writes into the pattern row; an equal hash
--   means nothing changed, so a re-ingest of the same code writes nothing (no updated_at churn).
-- Not unique: a new version of a pattern (parent_pattern_id) may carry its key forward;
-- ingest follows superseded_by to the current version and serialises per project.

-- Room on each page for a new row version: a match bumps match_count/last_matched_at (no
-- indexed column), which then stays a HOT update instead of inserting into every index of
-- the row, the HNSW index included (measured: ~3 ms per matched pattern at 100k rows).
alter table public.patterns set (fillfactor = 85);

alter table public.patterns add column extraction_key text;
alter table public.patterns add column extraction_hash text;
create index patterns_project_extraction_key_idx on public.patterns (project_id, extraction_key);

-- An occurrence whose code disappeared is kept, marked gone (history, and "used to be in
-- 3 files"), and revived when the code comes back.
alter table public.pattern_occurrences add column removed_at timestamptz;
alter table public.pattern_occurrences add column updated_at timestamptz not null default now();
create index pattern_occurrences_live_idx on public.pattern_occurrences (project_id, pattern_id)
  where removed_at is null;

create trigger pattern_occurrences_touch_updated_at
  before update on public.pattern_occurrences
  for each row execute function private.touch_updated_at();

-- A match bumps match_count and last_matched_at; that is not a change of the pattern, so it
-- does not move updated_at (which the dashboard shows as "last changed"). Compared as jsonb
-- so that columns added later count as changes without touching this function. Generated
-- columns are left out: in a BEFORE trigger NEW does not hold them yet (they follow from the
-- others anyway).
create or replace function private.touch_pattern_updated_at()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  ignored text[] := array['match_count', 'last_matched_at', 'updated_at', 'search_vector', 'success_rate'];
begin
  if (to_jsonb(new) - ignored) is distinct from (to_jsonb(old) - ignored) then
    new.updated_at := now();
  end if;
  return new;
end
$$;

revoke execute on function private.touch_pattern_updated_at() from public, anon;

drop trigger patterns_touch_updated_at on public.patterns;
create trigger patterns_touch_updated_at
  before update on public.patterns
  for each row execute function private.touch_pattern_updated_at();

-- ---------------------------------------------------------------------------------------
-- Hybrid match.
--
-- Candidates (each list at most candidate_limit, default greatest(50, match_limit * 10)):
--   vector: HNSW cosine kNN on embedding, with hnsw.iterative_scan = relaxed_order so that
--           filters do not starve the result (pgvector >= 0.8);
--   text:   Postgres full text on search_vector (name A, description B, identifiers and
--           docstrings C). The query is parsed by websearch_to_tsquery('english', ...), whose
--           terms are AND-ed; an intent written as a sentence rarely has every word in one
--           pattern, so the terms are OR-ed, rarest first, as long as the patterns holding
--           them add up to at most text_budget (300): common words match everything and
--           ranking thousands of rows costs ~30 us each in WASM. Negated words (-word) stay
--           excluded; phrases become their words. Ranked by ts_rank_cd (more terms, closer).
-- Fusion (reciprocal rank fusion, k = rrf_k = 60):
--   rrf       = 1 / (k + vector_rank) + 1 / (k + text_rank)   (a missing list adds 0)
--   relevance = rrf / (2 / (k + 1))                            (1 = first in both lists)
-- Final rank:
--   quality       = quality_score, 0.5 when unknown
--   success       = (success_count + 1) / (success_count + failure_count + 2)
--                   (Bayesian, uniform prior: 0.5 without evidence, 12/14 -> 0.81)
--   final_score   = relevance * (1 - qw - sw + qw * quality + sw * success)
--                   qw = quality_weight, sw = success_weight (default 0.1 each): relevance
--                   decides, quality and a proven record move a pattern by up to 20 %.
-- confidence: the cosine similarity of the pattern to the query, clamped to 0..1 (an
--   absolute measure, unlike the rank-based relevance); min_similarity filters on it.
-- Filters (jsonb, all optional): pattern_types, kinds, statuses (default ["active"]), tags
--   (overlap), languages (text arrays); min_quality_score; min_success_rate (patterns with
--   no recorded outcome have no success rate and do not pass it).
-- security invoker: the caller's row-level security decides which patterns come back (the
-- candidate lists come from private.match_pattern_candidates, which checks the caller's role).

-- How many patterns of a project hold each full-text lexeme (ts_stat over search_vector),
-- refreshed by ingest. The match ORs the words of an intent; a word found in most patterns
-- ("call", "function": generated descriptions say them all) would make every row a text
-- candidate to rank, and rank nothing. Like IDF, the match keeps the rarest words.
create table private.search_lexeme_stats (
  project_id uuid not null references public.projects (id) on delete cascade,
  lexeme text not null,
  documents integer not null,
  primary key (project_id, lexeme)
);

alter table private.search_lexeme_stats enable row level security;
grant select on private.search_lexeme_stats to authenticated, service_role;
create policy "project roles read search statistics" on private.search_lexeme_stats
  for select to authenticated
  using (project_id in (select private.project_ids_with_role(array['admin', 'member', 'viewer'])));

-- Recounts a project's lexemes (admins, members, the local operator). security definer: it
-- replaces rows nobody may write directly, and counts every pattern of the project.
create or replace function public.refresh_search_lexeme_stats(target_project_id uuid)
returns integer
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  counted integer;
begin
  if auth.role() is distinct from 'service_role'
     and not private.has_project_role(target_project_id, array['admin', 'member']) then
    raise exception 'only project admins and members can refresh search statistics' using errcode = '42501';
  end if;
  delete from private.search_lexeme_stats s where s.project_id = target_project_id;
  insert into private.search_lexeme_stats (project_id, lexeme, documents)
  select target_project_id, t.word, t.ndoc
  from pg_catalog.ts_stat(format('select search_vector from public.patterns where project_id = %L', target_project_id)) t;
  get diagnostics counted = row_count;
  return counted;
end
$$;

revoke execute on function public.refresh_search_lexeme_stats(uuid) from public, anon;
grant execute on function public.refresh_search_lexeme_stats(uuid) to authenticated, service_role;

-- A jsonb array of strings as text[] (null when absent), for the filters below.
create or replace function private.text_array(value jsonb)
returns text[]
language sql
immutable
set search_path = ''
as $$
  select case when pg_catalog.jsonb_typeof(value) = 'array'
    then array(select pg_catalog.jsonb_array_elements_text(value)) end
$$;

grant execute on function private.text_array(jsonb) to authenticated, service_role;

-- The candidate lists of a match. security definer, because under row-level security
-- Postgres may not use an index for an operator that is not leakproof (tsvector @@ tsquery,
-- text[] && text[]): the text branch would read every row (measured on PGlite, 20k
-- patterns: 120-200 ms instead of 5-40 ms). It therefore checks the caller's role in the
-- project itself, first, and returns only ids and ranks of that project; the public
-- function (security invoker) joins them back to public.patterns under the caller's RLS.
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
-- 40 (the default) found 0.87 of the exact top 10 at 100k patterns; the fused rank reads
-- the vector list down to 50, so the search keeps more than that in view.
set hnsw.ef_search = 120
as $$
#variable_conflict use_column
begin
  if not (auth.role() = 'service_role'
          or match_pattern_candidates.project_id in (select private.project_ids_with_role(array['admin', 'member', 'viewer']))) then
    return;
  end if;
  return query
  with
  vector_hits as (
    select hit.id, row_number() over (order by hit.distance, hit.id)::integer as rank
    from (
      select p.id, p.embedding operator(extensions.<=>) match_pattern_candidates.query_embedding as distance
      from public.patterns p
      where p.project_id = match_pattern_candidates.project_id
        and p.embedding is not null
        and p.status = any (match_pattern_candidates.statuses)
        and (match_pattern_candidates.pattern_types is null or p.pattern_type = any (match_pattern_candidates.pattern_types))
        and (match_pattern_candidates.kinds is null or p.kind = any (match_pattern_candidates.kinds))
        and (match_pattern_candidates.languages is null or p.language = any (match_pattern_candidates.languages))
        and (match_pattern_candidates.tags is null or p.tags && match_pattern_candidates.tags)
        and (match_pattern_candidates.min_quality_score is null or p.quality_score >= match_pattern_candidates.min_quality_score)
        and (match_pattern_candidates.min_success_rate is null or p.success_rate >= match_pattern_candidates.min_success_rate)
      order by p.embedding operator(extensions.<=>) match_pattern_candidates.query_embedding
      limit match_pattern_candidates.candidates
    ) hit
  ),
  text_hits as (
    select hit.id, hit.score, row_number() over (order by hit.score desc, hit.id)::integer as rank
    from (
      select p.id, ts_rank_cd(p.search_vector, match_pattern_candidates.text_query) as score
      from public.patterns p
      where match_pattern_candidates.text_query is not null
        and p.search_vector operator(pg_catalog.@@) match_pattern_candidates.text_query
        and p.project_id = match_pattern_candidates.project_id
        and p.status = any (match_pattern_candidates.statuses)
        and (match_pattern_candidates.pattern_types is null or p.pattern_type = any (match_pattern_candidates.pattern_types))
        and (match_pattern_candidates.kinds is null or p.kind = any (match_pattern_candidates.kinds))
        and (match_pattern_candidates.languages is null or p.language = any (match_pattern_candidates.languages))
        and (match_pattern_candidates.tags is null or p.tags && match_pattern_candidates.tags)
        and (match_pattern_candidates.min_quality_score is null or p.quality_score >= match_pattern_candidates.min_quality_score)
        and (match_pattern_candidates.min_success_rate is null or p.success_rate >= match_pattern_candidates.min_success_rate)
      order by score desc, p.id
      limit match_pattern_candidates.candidates
    ) hit
  )
  select coalesce(v.id, t.id), v.rank, t.score, t.rank
  from vector_hits v
  full join text_hits t on t.id = v.id;
end
$$;

revoke execute on function private.match_pattern_candidates(extensions.vector, tsquery, uuid, text[], text[], text[], text[], text[], double precision, double precision, integer) from public, anon;
grant execute on function private.match_pattern_candidates(extensions.vector, tsquery, uuid, text[], text[], text[], text[], text[], double precision, double precision, integer) to authenticated, service_role;

create or replace function public.match_patterns(
  query_embedding extensions.vector(384),
  query_text text,
  project_id uuid,
  filters jsonb default '{}'::jsonb,
  match_limit integer default 5,
  min_similarity double precision default 0,
  candidate_limit integer default null,
  rrf_k integer default 60,
  quality_weight double precision default 0.1,
  success_weight double precision default 0.1,
  text_budget integer default 300
)
returns table (
  id uuid,
  vector_similarity double precision,
  vector_rank integer,
  text_score real,
  text_rank integer,
  rrf_score double precision,
  relevance double precision,
  quality double precision,
  smoothed_success_rate double precision,
  final_score double precision,
  total_matches integer
)
language plpgsql
stable
security invoker
set search_path = ''
as $$
#variable_conflict use_column
declare
  text_query tsquery;
begin
  -- The intent's words as websearch_to_tsquery parses them (stemmed, stop words dropped;
  -- "-word" negates), OR-ed, keeping the rarest words whose patterns add up to at most
  -- text_budget (see private.search_lexeme_stats); negated words stay excluded.
  with
  parsed as (
    select m[1] = '!' as negated, replace(m[2], '''''', '''') as lexeme
    from regexp_matches(websearch_to_tsquery('english'::regconfig, coalesce(query_text, ''))::text, '(!?)''((?:[^'']|'''')+)''', 'g') m
  ),
  wanted as (
    select w.lexeme, sum(coalesce(s.documents, 0)) over (order by coalesce(s.documents, 0), w.lexeme) as cumulative
    from (select distinct lexeme from parsed where not negated) w
    left join private.search_lexeme_stats s on s.project_id = match_patterns.project_id and s.lexeme = w.lexeme
  )
  select case when t.included is null then null
    else (t.included || coalesce(' & !(' || t.excluded || ')', ''))::tsquery end
  into text_query
  from (
    select
      '(' || (select string_agg(quote_literal(lexeme), ' | ') from wanted where cumulative <= greatest(text_budget, 0)) || ')' as included,
      (select string_agg(quote_literal(lexeme), ' | ') from parsed where negated) as excluded
  ) t;

  return query
  with
  fused as (
    select
      c.id, c.vector_rank, c.text_score, c.text_rank,
      (coalesce(1.0 / (rrf_k + c.vector_rank), 0) + coalesce(1.0 / (rrf_k + c.text_rank), 0))::double precision as rrf_score
    from private.match_pattern_candidates(
      query_embedding, text_query, match_patterns.project_id,
      coalesce(private.text_array(filters -> 'statuses'), array['active']),
      private.text_array(filters -> 'pattern_types'), private.text_array(filters -> 'kinds'),
      private.text_array(filters -> 'languages'), private.text_array(filters -> 'tags'),
      (filters ->> 'min_quality_score')::double precision, (filters ->> 'min_success_rate')::double precision,
      coalesce(candidate_limit, greatest(50, match_limit * 10))
    ) c
  ),
  scored as (
    -- Joined back under the caller's row-level security: what RLS hides is dropped here.
    select
      f.*,
      1 - (p.embedding operator(extensions.<=>) query_embedding) as vector_similarity,
      f.rrf_score / (2.0 / (rrf_k + 1))::double precision as relevance,
      coalesce(p.quality_score, 0.5)::double precision as quality,
      ((p.success_count + 1.0) / (p.success_count + p.failure_count + 2.0))::double precision as smoothed_success_rate
    from fused f
    join public.patterns p on p.id = f.id and p.project_id = match_patterns.project_id
  ),
  ranked as (
    select
      s.*,
      s.relevance * (1 - quality_weight - success_weight + quality_weight * s.quality + success_weight * s.smoothed_success_rate)
        as final_score
    from scored s
    where greatest(coalesce(s.vector_similarity, 0), 0) >= coalesce(min_similarity, 0)
  )
  select
    r.id, r.vector_similarity, r.vector_rank, r.text_score, r.text_rank, r.rrf_score, r.relevance,
    r.quality, r.smoothed_success_rate, r.final_score, (count(*) over ())::integer as total_matches
  from ranked r
  order by r.final_score desc, r.id
  limit greatest(match_limit, 0);
end
$$;

comment on function public.match_patterns is
  'Hybrid pattern match: HNSW cosine kNN + full text, fused by RRF (k=60), ranked by relevance x (1 - qw - sw + qw*quality + sw*(success+1)/(success+failure+2)). security invoker: RLS applies.';

-- ---------------------------------------------------------------------------------------
-- The counters a match updates. Viewers may match but not update patterns, so this narrow
-- security definer function does only this: +1 match_count and last_matched_at = now() for
-- the given patterns the caller can see (any role of the project; the local operator,
-- running as service_role, sees everything). Returns how many rows it touched.

create or replace function public.record_pattern_matches(pattern_ids uuid[])
returns integer
language sql
volatile
security definer
set search_path = ''
as $$
  with touched as (
    update public.patterns p
    set match_count = p.match_count + 1, last_matched_at = now()
    where p.id = any (pattern_ids)
      and (
        auth.role() = 'service_role'
        or p.project_id in (select private.project_ids_with_role(array['admin', 'member', 'viewer']))
      )
    returning 1
  )
  select count(*)::integer from touched
$$;

revoke execute on function public.record_pattern_matches(uuid[]) from public, anon;
grant execute on function public.record_pattern_matches(uuid[]) to authenticated, service_role;
revoke execute on function public.match_patterns(extensions.vector, text, uuid, jsonb, integer, double precision, integer, integer, double precision, double precision, integer) from public, anon;
grant execute on function public.match_patterns(extensions.vector, text, uuid, jsonb, integer, double precision, integer, integer, double precision, double precision, integer) to authenticated, service_role;
