-- Fusion that lets the full-text list break ties instead of outvoting the vector list.
--
-- match_patterns fused its two candidate lists with plain reciprocal rank fusion, in which a
-- pattern ranked 20th in both lists (2/80) beats the first of one list (1/61). The text list
-- is an OR of the intent's rarest words: for an intent phrased in other words than the code
-- (the built-in embedder meets those through its thesaurus; full text cannot), it is mostly
-- patterns that share a filler word, and those pushed the embedding's best answers out of
-- the top 5. Measured with tests/bench/evaluate-search.ts (real code, developer intents,
-- top-5 hit rate on the in-sample / first held-out intents; the second held-out set was
-- not used to choose): text weight 1 -> 43.5 % / 54.5 %, 0.5 -> 44.4 % / 57.4 %,
-- 0.2 -> 48.1 % / 61.4 % (no shared word with the code: 23.7 % / 24.2 % -> 31.6 % / 33.3 %).
--
--   rrf       = 1 / (k + vector_rank) + text_weight / (k + text_rank)   (a missing list adds 0)
--   relevance = rrf / ((1 + text_weight) / (k + 1))                     (1 = first in both lists)
--
-- text_weight is a new trailing parameter (default 0.2); everything else is as in
-- 20261121001000_match_patterns.sql. Only public.match_patterns is redefined (the candidate
-- lists, private.match_pattern_candidates, are untouched).

drop function public.match_patterns(extensions.vector, text, uuid, jsonb, integer, double precision, integer, integer, double precision, double precision, integer);

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
  text_budget integer default 300,
  text_weight double precision default 0.2
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
      (coalesce(1.0 / (rrf_k + c.vector_rank), 0) + coalesce(text_weight / (rrf_k + c.text_rank), 0))::double precision as rrf_score
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
      f.rrf_score / ((1.0 + text_weight) / (rrf_k + 1))::double precision as relevance,
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
  'Hybrid pattern match: HNSW cosine kNN + full text, fused by weighted RRF (k=60, text list x0.2), ranked by relevance x (1 - qw - sw + qw*quality + sw*(success+1)/(success+failure+2)). security invoker: RLS applies.';

revoke execute on function public.match_patterns(extensions.vector, text, uuid, jsonb, integer, double precision, integer, integer, double precision, double precision, integer, double precision) from public, anon;
grant execute on function public.match_patterns(extensions.vector, text, uuid, jsonb, integer, double precision, integer, integer, double precision, double precision, integer, double precision) to authenticated, service_role;
