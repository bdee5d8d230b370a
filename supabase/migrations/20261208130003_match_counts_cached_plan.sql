-- The match counters' update (the one a match request makes on the patterns it answers) keeps
-- its plan for the session and asks once whether the caller is an agent: the same update as in
-- 20261206210002_agent_match_count.sql, in PL/pgSQL instead of SQL. As an SQL function with
-- security definer and its own search_path it was parsed and planned again in every request,
-- and private.caller_is_agent() (not inlinable either) ran once per updated row. Same rules:
-- +1 match_count (and agent_match_count for an API key), last_matched_at = now(), on the given
-- patterns the caller may see (any role of the project; service_role sees everything).

create or replace function public.record_pattern_match_counts(pattern_ids uuid[])
returns table (id uuid, match_count integer, last_matched_at timestamptz)
language plpgsql
volatile
security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  agent_match integer := case when private.caller_is_agent() then 1 else 0 end;
begin
  return query
  update public.patterns p
  set match_count = p.match_count + 1, last_matched_at = now(),
      agent_match_count = p.agent_match_count + agent_match
  where p.id = any (pattern_ids)
    and (
      auth.role() = 'service_role'
      or p.project_id in (select private.project_ids_with_role(array['admin', 'member', 'viewer']))
    )
  returning p.id, p.match_count, p.last_matched_at;
end
$$;

create or replace function public.record_pattern_matches(pattern_ids uuid[])
returns integer
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  agent_match integer := case when private.caller_is_agent() then 1 else 0 end;
  touched integer;
begin
  update public.patterns p
  set match_count = p.match_count + 1, last_matched_at = now(),
      agent_match_count = p.agent_match_count + agent_match
  where p.id = any (pattern_ids)
    and (
      auth.role() = 'service_role'
      or p.project_id in (select private.project_ids_with_role(array['admin', 'member', 'viewer']))
    );
  get diagnostics touched = row_count;
  return touched;
end
$$;
