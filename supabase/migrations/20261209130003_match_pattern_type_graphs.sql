-- One HNSW graph of its own for each pattern type but function_pattern (the bulk of every
-- code base: 61 % of the bench's patterns), so that a match filtered by pattern type walks a
-- graph that holds only what it may return.
--
-- A match filtered by a type too large for an exact scan (20261121001210) walked the whole
-- graph with a filter: at 100k patterns, class_pattern (11.6 %) made the relaxed iterative scan
-- visit and reject ~9 tuples for each one it kept, and read each one's heap row to do so.
-- With a partial index per type, the planner proves `pattern_type = any ('{class_pattern}')`
-- implies the index's predicate (the filtered statement is planned with its values) and walks
-- the small graph. Measured on real Postgres 15 at 100k patterns (40 intents, one backend, CPU
-- from /proc, private.match_pattern_candidates with pattern_types=[class_pattern], two rounds
-- each): 3.8 / 3.5 ms with the partial graph against 13.8 / 9.8 ms without, and recall@10 of
-- the vector list against the exact list 1.000 against 0.950 (docs/match-benchmark.md,
-- session 9). Cost: each class, design and interaction pattern is inserted into two graphs
-- (the bench's 39 % of rows: ~15 s more of HNSW build at 100k), and the graphs' pages.
create index patterns_embedding_class_idx on public.patterns
  using hnsw (embedding extensions.vector_cosine_ops) where pattern_type = 'class_pattern';
create index patterns_embedding_design_idx on public.patterns
  using hnsw (embedding extensions.vector_cosine_ops) where pattern_type = 'design_pattern';
create index patterns_embedding_interaction_idx on public.patterns
  using hnsw (embedding extensions.vector_cosine_ops) where pattern_type = 'interaction_pattern';
