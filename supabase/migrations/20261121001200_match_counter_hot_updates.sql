-- A match bumps match_count and last_matched_at of the patterns it returns
-- (public.record_pattern_matches). fillfactor leaves room on each page for that new row
-- version, so it should be a HOT update (no index touched). It was not, for two reasons:
--
-- 1. search_vector was a stored generated column, and Postgres 18 computes stored generated
--    columns again on every UPDATE. The new value differs byte for byte from the stored one
--    (that one is compressed or toasted), which counts as a change of an indexed column (the
--    GIN index): not HOT.
-- 2. The BEFORE UPDATE trigger private.touch_pattern_updated_at reads NEW as a whole row
--    (to_jsonb(new)), which makes PL/pgSQL detoast it; the row it returns then carries
--    freshly toasted values (the embedding above all): again a change of indexed columns.
--
-- So every counter update inserted into all fourteen indexes of the table, the HNSW index
-- included. Measured at 100k patterns: 0 of 55 counter updates HOT, 10-60 ms for the 5
-- patterns of a match; with both causes removed, 186 of 200 HOT, ~1 ms.

-- 1. search_vector becomes a plain column kept by a trigger that runs only when its sources
-- change (insert, or an update that names name, description, search_text or search_vector;
-- writing search_vector itself recomputes it, so it always follows its sources). The
-- expression is the same as the generated column's; the values stored stay as they are.
alter table public.patterns alter column search_vector drop expression;

-- The full-text document of a pattern: name (weight A), description (B), identifiers and
-- docstrings (C).
create or replace function private.pattern_search_vector(name text, description text, search_text text)
returns tsvector
language sql
immutable
parallel safe
set search_path = ''
as $$
  select setweight(to_tsvector('english'::regconfig, coalesce(name, '')), 'A')
    || setweight(to_tsvector('english'::regconfig, coalesce(description, '')), 'B')
    || setweight(to_tsvector('english'::regconfig, coalesce(search_text, '')), 'C')
$$;

create or replace function private.set_pattern_search_vector()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.search_vector := private.pattern_search_vector(new.name, new.description, new.search_text);
  return new;
end
$$;

revoke execute on function private.set_pattern_search_vector() from public, anon;

create trigger patterns_set_search_vector
  before insert or update of name, description, search_text, search_vector on public.patterns
  for each row execute function private.set_pattern_search_vector();

-- 2. The trigger exists to keep updated_at ("last changed") still when only the match
-- counters move. An update that changes match_count is such an update: only
-- record_pattern_matches writes that column (API callers hold no privilege on it, see the
-- counter privileges), and it writes nothing else. So the trigger is skipped for those
-- updates, by a WHEN condition that Postgres evaluates without calling PL/pgSQL.

drop trigger patterns_touch_updated_at on public.patterns;
create trigger patterns_touch_updated_at
  before update on public.patterns
  for each row
  when (old.match_count is not distinct from new.match_count)
  execute function private.touch_pattern_updated_at();

-- A pattern row is ~1.6 kB once its large values are toasted (measured at 100k patterns: 4
-- rows per page at fillfactor 85), so 85 % left room for at most one new row version per
-- page, and a match that touched two patterns of one page paid for a non-HOT update (an HNSW
-- insert, 3-10 ms). 70 % leaves room for about two. It applies to pages written from now on
-- (new patterns, new versions); existing pages keep their layout until they are rewritten.
alter table public.patterns set (fillfactor = 70);
