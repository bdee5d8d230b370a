-- The exact scan of a narrow filter reads the vectors from a compact copy, one row per
-- (pattern, tag) and (pattern, kind), through an index-only scan, instead of visiting every
-- matching pattern's heap row.
--
-- A match filtered by a tag or a kind that few patterns have ranks its vector list exactly:
-- it reads the vector of every matching pattern (20261121001210_match_candidates_plans.sql).
-- Those rows lie on as many heap pages as there are rows (a pattern row is ~4 kB: two a page),
-- and the visit of each page, its visibility checks and the deforming of a wide row cost far
-- more than the cosine itself. Measured on real Postgres 15 at 100k patterns (one backend,
-- CPU from /proc, kinds=[factory]: 5,658 rows; docs/match-benchmark.md, session 9): the heap
-- scan 11.1 ms, an index-only scan of (project, kind, status) include (id, vector) 6.0 ms,
-- the same with the vector as halfvec 4.4 ms; the cosine of 5,681 vectors alone ~0.5 ms.
--
-- private.pattern_filter_vectors holds, for every pattern with an embedding, one row per tag
-- ('tag:<tag>') and one for its kind ('kind:<kind>'), with the columns the other filters read
-- and the embedding as halfvec (half the bytes; the top rows by the halfvec distance are
-- re-ranked by the pattern's own vector, so the list is the exact one: see below). The btree
-- (project, filter_key, status) include (...) keeps each tag's and kind's rows together, in
-- index pages that an index-only scan reads in order; the table is written only when a
-- pattern's filtered columns or vector change (never by the match's counters), so vacuum
-- keeps its pages all-visible and the scan never visits them.
-- Cost: ~2.75 rows per pattern at the bench's tags, each ~0.9 kB in the table and again in the
-- index (~480 MB at 100k patterns beside the patterns' 1.5 GB).
-- Only tags and kinds: language and pattern type hold large shares of a project (python was
-- 70 % of the bench), which the filtered HNSW scan serves better than any exact scan.

create table private.pattern_filter_vectors (
  project_id uuid not null,
  pattern_id uuid not null,
  filter_key text not null,
  status text not null,
  pattern_type text not null,
  kind text,
  language text,
  tags text[] not null,
  quality_score double precision,
  success_rate double precision,
  embedding extensions.halfvec(384) not null,
  primary key (pattern_id, filter_key),
  foreign key (project_id, pattern_id) references public.patterns (project_id, id) on delete cascade
);

create index pattern_filter_vectors_scan_idx on private.pattern_filter_vectors (project_id, filter_key, status)
  include (pattern_id, pattern_type, kind, language, tags, quality_score, success_rate, embedding);

-- Nobody reads or writes it but the owner's functions (the triggers below and
-- match_pattern_candidates, security definer): RLS on, no policy, no grant.
alter table private.pattern_filter_vectors enable row level security;
revoke all on private.pattern_filter_vectors from public, anon, authenticated, service_role;

-- After an insert (ingest's COPY, a pattern made by hand): once per statement, over the
-- inserted rows.
create or replace function private.add_pattern_filter_vectors()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into private.pattern_filter_vectors
    (project_id, pattern_id, filter_key, status, pattern_type, kind, language, tags, quality_score, success_rate, embedding)
  select p.project_id, p.id, k.filter_key, p.status, p.pattern_type, p.kind, p.language, p.tags, p.quality_score,
    p.success_rate, (p.embedding)::extensions.halfvec(384)
  from inserted_patterns p
  cross join lateral (
    select 'tag:' || t from unnest(p.tags) t
    union
    select 'kind:' || p.kind where p.kind is not null
  ) k(filter_key)
  where p.embedding is not null;
  return null;
end
$$;

-- After an update of a column the copy holds (never the counters a match or a usage report
-- writes, but success_count and failure_count, which success_rate comes from): the pattern's
-- rows are written again.
create or replace function private.replace_pattern_filter_vectors()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  delete from private.pattern_filter_vectors v where v.pattern_id = old.id;
  if new.embedding is not null then
    insert into private.pattern_filter_vectors
      (project_id, pattern_id, filter_key, status, pattern_type, kind, language, tags, quality_score, success_rate, embedding)
    select new.project_id, new.id, k.filter_key, new.status, new.pattern_type, new.kind, new.language, new.tags,
      new.quality_score, new.success_rate, (new.embedding)::extensions.halfvec(384)
    from (
      select 'tag:' || t from unnest(new.tags) t
      union
      select 'kind:' || new.kind where new.kind is not null
    ) k(filter_key);
  end if;
  return null;
end
$$;

revoke execute on function private.add_pattern_filter_vectors() from public, anon, authenticated, service_role;
revoke execute on function private.replace_pattern_filter_vectors() from public, anon, authenticated, service_role;

create trigger patterns_filter_vectors_insert
  after insert on public.patterns
  referencing new table as inserted_patterns
  for each statement execute function private.add_pattern_filter_vectors();

create trigger patterns_filter_vectors_update
  after update of project_id, status, pattern_type, kind, language, tags, quality_score, success_count, failure_count, embedding
  on public.patterns
  for each row
  when ((old.project_id, old.status, old.pattern_type, old.kind, old.language, old.tags, old.quality_score,
         old.success_count, old.failure_count, old.embedding)
        is distinct from
        (new.project_id, new.status, new.pattern_type, new.kind, new.language, new.tags, new.quality_score,
         new.success_count, new.failure_count, new.embedding))
  execute function private.replace_pattern_filter_vectors();

-- The patterns stored before this migration.
insert into private.pattern_filter_vectors
  (project_id, pattern_id, filter_key, status, pattern_type, kind, language, tags, quality_score, success_rate, embedding)
select p.project_id, p.id, k.filter_key, p.status, p.pattern_type, p.kind, p.language, p.tags, p.quality_score,
  p.success_rate, (p.embedding)::extensions.halfvec(384)
from public.patterns p
cross join lateral (
  select 'tag:' || t from unnest(p.tags) t
  union
  select 'kind:' || p.kind where p.kind is not null
) k(filter_key)
where p.embedding is not null;

analyze private.pattern_filter_vectors;
