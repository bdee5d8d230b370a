-- The live feed at a team's scale: one entry per ingest (its per-pattern events hang under it),
-- every entry naming who acted, and older entries read page by page.
--
-- An ingest writes one `pattern.created`/`pattern.updated`/… event per pattern it touched, each
-- carrying `source: ingest` and the ingest's `job_id`, and, since this migration, one
-- `ingest.completed` event with the run's counts. `ingest_job_id` names the ingest a per-pattern
-- event belongs to; the feed lists the rows where it is null and expands an ingest's on demand.

alter table public.pattern_events
  add column ingest_job_id uuid generated always as (
    case
      when event_type like 'pattern.%' and event_data ->> 'source' = 'ingest'
        and event_data ->> 'job_id' ~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
      then (event_data ->> 'job_id')::uuid
    end
  ) stored;

-- The feed's pages (newest first, entries only) and one ingest's patterns.
create index pattern_events_entries_idx on public.pattern_events (project_id, id desc) where ingest_job_id is null;
create index pattern_events_ingest_idx on public.pattern_events (project_id, ingest_job_id, id) where ingest_job_id is not null;

-- Ingests recorded before this migration get their entry now, with the counts their events
-- give (it sorts as new: the feed orders by id, and ids are never reused).
insert into public.pattern_events (project_id, event_type, event_data, actor, created_at)
select e.project_id, 'ingest.completed',
  jsonb_build_object(
    'source', 'ingest', 'job_id', e.ingest_job_id, 'repository', coalesce(min(e.event_data ->> 'repository'), ''),
    'patterns', jsonb_build_object(
      'created', count(*) filter (where e.event_type = 'pattern.created'),
      'updated', count(*) filter (where e.event_type = 'pattern.updated'))),
  min(e.actor::text)::uuid, max(e.created_at)
from public.pattern_events e
where e.ingest_job_id is not null
  and not exists (
    select 1 from public.pattern_events c
    where c.project_id = e.project_id and c.event_type = 'ingest.completed' and c.event_data ->> 'job_id' = e.ingest_job_id::text)
group by e.project_id, e.ingest_job_id;

-- Who acted, by the id `pattern_events.actor` and `jobs.created_by` hold: a member (their
-- e-mail) or one of the project's API keys (its name; an agent). Members of the project see
-- everyone who can act in it; anyone else sees nothing.
create or replace function public.project_actors(p_project_id uuid)
returns table (actor uuid, name text, kind text)
language sql
stable
security definer
set search_path = ''
as $$
  select m.user_id, u.email::text, 'person'
  from public.project_members m join auth.users u on u.id = m.user_id
  where m.project_id = p_project_id and private.project_role(p_project_id) is not null
  union all
  select k.id, k.name, 'agent'
  from public.api_keys k
  where k.project_id = p_project_id and private.project_role(p_project_id) is not null
$$;

revoke execute on function public.project_actors(uuid) from public, anon;
grant execute on function public.project_actors(uuid) to authenticated, service_role;
