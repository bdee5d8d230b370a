-- Bounded GIN pending lists on the patterns table (tags, full text).
--
-- A GIN index with fastupdate (the default) collects new entries in an unsorted pending list
-- and merges it into the index only when the list outgrows gin_pending_list_limit (4 MB) or
-- when (auto)vacuum runs. Every scan reads the whole pending list. Embedded Postgres (PGlite)
-- has no autovacuum, so the lists of both indexes sat just under 4 MB for good: after a
-- bulk ingest, and again after any burst of non-HOT updates (a status change writes new
-- entries in every index).
--
-- Measured at 100k patterns (the match benchmark's cached database, warm cache, 2 cores,
-- load ~1): the bitmap scan of tags && '{shipping}' read 479 index pages, 471 of them pending
-- list, 11.4 ms; after gin_clean_pending_list, 8 pages, 1.1 ms (the whole filtered exact scan
-- of the match: 27 -> 14 ms). The full-text list of every match, filtered or not, read 262
-- pages of patterns_search_vector_idx instead of 9. The planner also priced the tags bitmap
-- scan at 2,061 instead of 55, which pushed it to AND it with a status bitmap of all 100k rows.
--
-- A smaller list keeps scans short; fastupdate=off would keep none at all but makes bulk
-- writes slow (30,000 rows of tags and search_vector into the two indexes: 4 MB 2.0-2.5 s,
-- 512 kB 2.6 s, 256 kB 2.8 s, 128 kB 3.1 s, 64 kB 4.0 s, fastupdate off 14.4 s). 256 kB bounds
-- a scan to 32 pending pages (~0.7 ms) for ~10 % more GIN maintenance on ingest.
alter index public.patterns_tags_idx set (gin_pending_list_limit = 256);
alter index public.patterns_search_vector_idx set (gin_pending_list_limit = 256);

-- Merge what the lists hold now (a database that predates this migration).
select pg_catalog.gin_clean_pending_list('public.patterns_tags_idx'::regclass);
select pg_catalog.gin_clean_pending_list('public.patterns_search_vector_idx'::regclass);
