-- The match counters, updated and returned in one call, so that a match request can be one
-- statement: the hybrid match, the counter update of the patterns it returns, and their
-- details (lib/db matchPatternsWithDetails).
--
-- A request ran three statements after looking up its project: match_patterns, then
-- record_pattern_matches, then a SELECT of the details, which read match_count and
-- last_matched_at after the update. Measured at 100k patterns (tests/bench/support/
-- match-profile.ts, 2 cores, load ~1.5): record p50 1.3 ms, details p50 2.1-2.7 ms, each
-- parsed and planned again per request. In one statement the details are read in the
-- statement's snapshot, from before the update, so the new counter values come from the
-- UPDATE itself (RETURNING: the row as this update left it, under its row lock, so
-- concurrent matches never lose or misreport a count).
--
-- Same rules as public.record_pattern_matches (20261121001000_match_patterns.sql): +1
-- match_count and last_matched_at = now() on the given patterns the caller may see (any role
-- of the project; service_role sees everything); security definer because viewers may match
-- but not update patterns. Only match_count and last_matched_at are written, so the update
-- stays HOT and leaves updated_at alone (20261121001200_match_counter_hot_updates.sql).
create or replace function public.record_pattern_match_counts(pattern_ids uuid[])
returns table (id uuid, match_count integer, last_matched_at timestamptz)
language sql
volatile
security definer
set search_path = ''
as $$
  update public.patterns p
  set match_count = p.match_count + 1, last_matched_at = now()
  where p.id = any (pattern_ids)
    and (
      auth.role() = 'service_role'
      or p.project_id in (select private.project_ids_with_role(array['admin', 'member', 'viewer']))
    )
  returning p.id, p.match_count, p.last_matched_at
$$;

revoke execute on function public.record_pattern_match_counts(uuid[]) from public, anon;
grant execute on function public.record_pattern_match_counts(uuid[]) to authenticated, service_role;
