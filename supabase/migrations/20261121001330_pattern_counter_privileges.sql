-- Counters move only through real events. usage_count, success_count, failure_count,
-- rating_count, rating_sum, avg_rating and last_used_at follow pattern_usage;
-- validation_count and contradiction_count follow pattern_validations; match_count and
-- last_matched_at follow public.record_pattern_matches (a match). Row-level security decides
-- WHICH rows a member may change; column privileges decide WHICH columns: API callers
-- (anon, authenticated: PostgREST and every request of the app) may write every column but
-- these, and id, created_by and created_at on update. service_role (ingest, workers) is trusted and
-- keeps every privilege.
--
-- A column added to public.patterns later is NOT writable by API callers until its migration
-- grants it (`grant insert (c), update (c) on public.patterns to anon, authenticated`);
-- tests/db/rls-matrix.test.ts ("pattern counters, column by column") fails until it does.

revoke insert, update on public.patterns from anon, authenticated;

do $$
declare
  counters text[] := array[
    'usage_count', 'success_count', 'failure_count', 'rating_count', 'rating_sum', 'avg_rating', 'last_used_at',
    'validation_count', 'contradiction_count', 'match_count', 'last_matched_at'
  ];
  -- project_id stays updatable: private.keep_project_id refuses a move with its own message.
  fixed text[] := array['id', 'created_by', 'created_at'];
  insertable text;
  updatable text;
begin
  select string_agg(quote_ident(a.attname), ', ' order by a.attnum) filter (where a.attname <> all (counters)),
         string_agg(quote_ident(a.attname), ', ' order by a.attnum) filter (where a.attname <> all (counters || fixed))
    into insertable, updatable
  from pg_attribute a
  where a.attrelid = 'public.patterns'::regclass and a.attnum > 0 and not a.attisdropped and a.attgenerated = '';
  execute format('grant insert (%s) on public.patterns to anon, authenticated', insertable);
  execute format('grant update (%s) on public.patterns to anon, authenticated', updatable);
end
$$;

-- The counter triggers run as the caller, who may no longer write counters: they now run as
-- their owner. They stay safe: a trigger function cannot be called directly, and they fire
-- only for usage and validation rows that row-level security already let the caller write.
alter function private.apply_pattern_usage() security definer;
alter function private.apply_pattern_validation() security definer;
