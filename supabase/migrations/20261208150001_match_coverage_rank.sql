-- match_patterns ranks by the intent's words found too: each candidate's final score is
-- multiplied by (1 + coverage_weight x words_found / intent_words), so among patterns that the
-- vector and full-text lists place close together, the one holding more of what was asked for
-- comes first. words_found is now counted for every fused candidate (at most candidate_limit of
-- each list), not only the returned rows. coverage_weight 0.15 was chosen on the tuning,
-- held-out and held-out-2 intents of tests/bench/evaluate-search.ts, where it raised MRR@10 on
-- all three without lowering recall@5 (docs/search-quality.md); 0 restores the previous order.
-- A new trailing parameter, so the function is dropped and created again with the same grants.

drop function public.match_patterns(extensions.vector, text, uuid, jsonb, integer, double precision, integer, integer, double precision, double precision, integer, double precision);

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
  text_weight double precision default 0.2,
  coverage_weight double precision default 0.15
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
  total_matches integer,
  similarity_z double precision,
  intent_words integer,
  words_found integer
)
language plpgsql
stable
security invoker
set search_path = ''
as $$
#variable_conflict use_column
declare
  text_query tsquery;
  query_lexemes text[];
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
    else (t.included || coalesce(' & !(' || t.excluded || ')', ''))::tsquery end,
    t.lexemes
  into text_query, query_lexemes
  from (
    select
      '(' || (select string_agg(quote_literal(lexeme), ' | ') from wanted where cumulative <= greatest(text_budget, 0)) || ')' as included,
      (select string_agg(quote_literal(lexeme), ' | ') from parsed where negated) as excluded,
      array(select lexeme from wanted order by lexeme) as lexemes
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
      ((p.success_count + 1.0) / (p.success_count + p.failure_count + 2.0))::double precision as smoothed_success_rate,
      -- The intent's words found in the candidate (name, description and identifiers, as its
      -- search_vector holds them).
      (select count(*) from unnest(query_lexemes) l where l = any(pg_catalog.tsvector_to_array(p.search_vector)))::integer as words_found
    from fused f
    join public.patterns p on p.id = f.id and p.project_id = match_patterns.project_id
  ),
  spread as (
    -- How far a pattern's similarity stands above the vector list's first 50 candidates, in
    -- their standard deviations, before min_similarity drops any: an absolute cosine from the
    -- built-in embedder says little (a short intent scores low against everything), its place
    -- in the query's own spread says more. Under 20 candidates (a new project) no spread is
    -- read: nothing can be said to stand out, and lib/search calls every result weak.
    select
      s.*,
      case when count(*) filter (where s.vector_rank <= 50) over () >= 20 then
        (s.vector_similarity - avg(s.vector_similarity) filter (where s.vector_rank <= 50) over ())
          / nullif(stddev_pop(s.vector_similarity) filter (where s.vector_rank <= 50) over (), 0)
      end as similarity_z
    from scored s
  ),
  ranked as (
    select
      s.*,
      s.relevance * (1 - quality_weight - success_weight + quality_weight * s.quality + success_weight * s.smoothed_success_rate)
        * (1 + coalesce(coverage_weight, 0) * s.words_found::double precision / greatest(coalesce(cardinality(query_lexemes), 0), 1))
        as final_score
    from spread s
    where greatest(coalesce(s.vector_similarity, 0), 0) >= coalesce(min_similarity, 0)
  ),
  shown as (
    select r.*, (count(*) over ())::integer as total_matches
    from ranked r
    order by r.final_score desc, r.id
    limit greatest(match_limit, 0)
  )
  select
    r.id, r.vector_similarity, r.vector_rank, r.text_score, r.text_rank, r.rrf_score, r.relevance,
    r.quality, r.smoothed_success_rate, r.final_score, r.total_matches, r.similarity_z,
    coalesce(cardinality(query_lexemes), 0) as intent_words, r.words_found
  from shown r
  order by r.final_score desc, r.id;
end
$$;


comment on function public.match_patterns is
  'Hybrid pattern match: HNSW cosine kNN + full text, fused by weighted RRF (k=60, text list x0.2), ranked by relevance x (1 - qw - sw + qw*quality + sw*(success+1)/(success+failure+2)) x (1 + coverage_weight x words_found/intent_words); similarity_z places each similarity in the spread of the first 50 vector candidates; intent_words/words_found count the intent''s words found in each result. security invoker: RLS applies.';

revoke execute on function public.match_patterns(extensions.vector, text, uuid, jsonb, integer, double precision, integer, integer, double precision, double precision, integer, double precision, double precision) from public, anon;
grant execute on function public.match_patterns(extensions.vector, text, uuid, jsonb, integer, double precision, integer, integer, double precision, double precision, integer, double precision, double precision) to authenticated, service_role;
