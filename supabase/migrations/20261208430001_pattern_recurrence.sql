-- What leads a list (DESIGN §4): a design pattern, or a shape that recurs (at least two
-- occurrences, or called from at least three places). A one-off unit (a data class, an
-- accessor, a function used once) stays stored, searchable and filterable, but is not what a
-- team is shown first. Extraction decides both facts (lib/extract patternRecurs and
-- patternProminence); ingest stores them beside the quality score:
--   recurring    the shape recurs (a data-only class or trivial accessor never does);
--   caller_count real fan-in: distinct units outside the pattern's occurrences that call,
--                instantiate or extend one of them;
--   prominence   the rank within its group: quality × ln(distinct occurrences + 1) ×
--                substance × (1 + confidence / 2 for a design pattern); null for patterns
--                made by hand.
-- The pattern list's default order ("prominence") and the insights' top patterns sort by
-- (design pattern or recurring) first, then prominence; every list puts active and pending
-- patterns before deprecated and archived ones (lib/db pattern-list-queries).

alter table public.patterns
  add column recurring boolean not null default false,
  add column caller_count integer not null default 0 check (caller_count >= 0),
  add column prominence double precision check (prominence >= 0);

-- Callers write them as they write the other extracted columns (ingest runs under the
-- caller's RLS); see 20261121001330_pattern_counter_privileges.sql for the column grants.
grant insert (recurring, caller_count, prominence), update (recurring, caller_count, prominence)
  on public.patterns to anon, authenticated;

-- Rows stored before this migration: recurring from their live occurrences and prominence
-- from their quality, until the next ingest writes extraction's own values (the staged rows
-- now carry these columns, so every extracted pattern is rewritten once). Their updated_at
-- stays: nothing a person would call a change happened to them.
alter table public.patterns disable trigger patterns_touch_updated_at;
update public.patterns p
set recurring = (select count(*) >= 2 from public.pattern_occurrences o
                 where o.project_id = p.project_id and o.pattern_id = p.id and o.removed_at is null),
    prominence = p.quality_score
where p.extraction_method = 'ast';
alter table public.patterns enable trigger patterns_touch_updated_at;
