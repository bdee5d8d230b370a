-- "Matched by agents" counted every match, a person's search on the dashboard included. A
-- match made with a project API key (an agent, CI) now also moves agent_match_count, so the
-- dashboard can say how often agents matched a pattern and how often people searched it up.
-- Like match_count, it moves only through the two match functions (API callers hold no
-- privilege on it; see 20261121001330_pattern_counter_privileges.sql) and is not indexed, so
-- the counter update stays HOT.

alter table public.patterns add column agent_match_count integer not null default 0 check (agent_match_count >= 0);

-- An API-key caller's claims carry `api_key_id` (lib/auth resolveApiKey).
create or replace function private.caller_is_agent()
returns boolean
language sql
stable
set search_path = ''
as $$
  select coalesce(nullif(current_setting('request.jwt.claims', true), '')::jsonb ? 'api_key_id', false)
$$;

create or replace function public.record_pattern_matches(pattern_ids uuid[])
returns integer
language sql
volatile
security definer
set search_path = ''
as $$
  with touched as (
    update public.patterns p
    set match_count = p.match_count + 1, last_matched_at = now(),
        agent_match_count = p.agent_match_count + case when private.caller_is_agent() then 1 else 0 end
    where p.id = any (pattern_ids)
      and (
        auth.role() = 'service_role'
        or p.project_id in (select private.project_ids_with_role(array['admin', 'member', 'viewer']))
      )
    returning 1
  )
  select count(*)::integer from touched
$$;

create or replace function public.record_pattern_match_counts(pattern_ids uuid[])
returns table (id uuid, match_count integer, last_matched_at timestamptz)
language sql
volatile
security definer
set search_path = ''
as $$
  update public.patterns p
  set match_count = p.match_count + 1, last_matched_at = now(),
      agent_match_count = p.agent_match_count + case when private.caller_is_agent() then 1 else 0 end
  where p.id = any (pattern_ids)
    and (
      auth.role() = 'service_role'
      or p.project_id in (select private.project_ids_with_role(array['admin', 'member', 'viewer']))
    )
  returning p.id, p.match_count, p.last_matched_at
$$;
