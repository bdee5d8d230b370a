-- What happened to patterns: validations (confirmed or contradicted), usage by people and
-- agents with its outcome, and the event feed the dashboard follows live.

create table public.pattern_validations (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references public.projects (id) on delete cascade,
  pattern_id uuid not null,
  verdict text not null check (verdict in ('validated', 'contradicted')),
  source text not null default 'manual' check (source in ('manual', 'test', 'usage', 'llm')),
  confidence double precision check (confidence between 0 and 1),
  evidence jsonb not null default '{}'::jsonb,
  comment text,
  created_by uuid default auth.uid(),
  created_at timestamptz not null default now(),
  foreign key (project_id, pattern_id) references public.patterns (project_id, id) on delete cascade
);

create index pattern_validations_pattern_idx on public.pattern_validations (project_id, pattern_id, created_at desc);

create trigger pattern_validations_keep_project_id
  before update on public.pattern_validations
  for each row execute function private.keep_project_id();

alter table public.pattern_validations enable row level security;

create policy "project roles read validations" on public.pattern_validations
  for select to authenticated
  using (project_id in (select private.project_ids_with_role(array['admin', 'member', 'viewer'])));
create policy "members add validations" on public.pattern_validations
  for insert to authenticated
  with check (project_id in (select private.project_ids_with_role(array['admin', 'member'])));
create policy "members change validations" on public.pattern_validations
  for update to authenticated
  using (project_id in (select private.project_ids_with_role(array['admin', 'member'])))
  with check (project_id in (select private.project_ids_with_role(array['admin', 'member'])));
create policy "members delete validations" on public.pattern_validations
  for delete to authenticated
  using (project_id in (select private.project_ids_with_role(array['admin', 'member'])));

-- ---------------------------------------------------------------------------------------

create table public.pattern_usage (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references public.projects (id) on delete cascade,
  pattern_id uuid not null,
  session_id uuid,
  task text not null default '',
  outcome text not null default 'pending' check (outcome in ('successful', 'failed', 'partial', 'pending')),
  rating smallint check (rating between 1 and 5),
  effectiveness double precision check (effectiveness between 0 and 1),
  feedback text,
  context jsonb not null default '{}'::jsonb,
  created_by uuid default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (project_id, pattern_id) references public.patterns (project_id, id) on delete cascade,
  foreign key (project_id, session_id) references public.sessions (project_id, id) on delete set null (session_id)
);

create index pattern_usage_pattern_idx on public.pattern_usage (project_id, pattern_id, created_at desc);
create index pattern_usage_session_idx on public.pattern_usage (project_id, session_id);

create trigger pattern_usage_touch_updated_at
  before update on public.pattern_usage
  for each row execute function private.touch_updated_at();
create trigger pattern_usage_keep_project_id
  before update on public.pattern_usage
  for each row execute function private.keep_project_id();

alter table public.pattern_usage enable row level security;

create policy "project roles read usage" on public.pattern_usage
  for select to authenticated
  using (project_id in (select private.project_ids_with_role(array['admin', 'member', 'viewer'])));
create policy "members record usage" on public.pattern_usage
  for insert to authenticated
  with check (project_id in (select private.project_ids_with_role(array['admin', 'member'])));
create policy "members change usage" on public.pattern_usage
  for update to authenticated
  using (project_id in (select private.project_ids_with_role(array['admin', 'member'])))
  with check (project_id in (select private.project_ids_with_role(array['admin', 'member'])));
create policy "members delete usage" on public.pattern_usage
  for delete to authenticated
  using (project_id in (select private.project_ids_with_role(array['admin', 'member'])));

-- ---------------------------------------------------------------------------------------
-- The feed is append-only for API callers: members add events, nobody edits or deletes
-- them (no update or delete policy). The bigint id orders the feed and lets a client resume.

create table public.pattern_events (
  id bigint generated always as identity primary key,
  project_id uuid not null references public.projects (id) on delete cascade,
  pattern_id uuid,
  event_type text not null check (event_type ~ '^[a-z][a-z0-9_.]{0,63}$'),
  event_data jsonb not null default '{}'::jsonb check (jsonb_typeof(event_data) = 'object'),
  actor uuid default auth.uid(),
  created_at timestamptz not null default now(),
  foreign key (project_id, pattern_id) references public.patterns (project_id, id) on delete set null (pattern_id)
);

create index pattern_events_project_idx on public.pattern_events (project_id, id desc);
create index pattern_events_pattern_idx on public.pattern_events (project_id, pattern_id);

create trigger pattern_events_keep_project_id
  before update on public.pattern_events
  for each row execute function private.keep_project_id();

alter table public.pattern_events enable row level security;

create policy "project roles read events" on public.pattern_events
  for select to authenticated
  using (project_id in (select private.project_ids_with_role(array['admin', 'member', 'viewer'])));
create policy "members add events" on public.pattern_events
  for insert to authenticated
  with check (project_id in (select private.project_ids_with_role(array['admin', 'member'])));

-- Embedded mode's realtime: the server listens on this channel and fans events out over
-- Server-Sent Events (delivered after commit). The payload stays small (pg_notify caps it at
-- 8000 bytes); listeners read the row itself under the subscriber's RLS.
create or replace function private.notify_pattern_event()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  perform pg_notify(
    'pattern_events',
    json_build_object('id', new.id, 'project_id', new.project_id, 'event_type', new.event_type)::text
  );
  return new;
end
$$;

revoke execute on function private.notify_pattern_event() from public, anon;

create trigger pattern_events_notify
  after insert on public.pattern_events
  for each row execute function private.notify_pattern_event();

-- Supabase mode's realtime: postgres_changes on this table (the publication exists only there).
do $$
begin
  if exists (select 1 from pg_catalog.pg_publication where pubname = 'supabase_realtime')
     and not exists (
       select 1 from pg_catalog.pg_publication_tables
       where pubname = 'supabase_realtime' and schemaname = 'public' and tablename = 'pattern_events'
     ) then
    alter publication supabase_realtime add table public.pattern_events;
  end if;
end
$$;
