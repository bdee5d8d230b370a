-- Analysed work sessions (an agent's or a developer's) and the reports made of them.

create table public.sessions (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references public.projects (id) on delete cascade,
  title text not null default '',
  -- Who or what produced the session: an agent name, an editor, 'manual'.
  source text not null default 'manual' check (char_length(source) between 1 and 100),
  status text not null default 'pending' check (status in ('pending', 'analysing', 'analysed', 'failed')),
  started_at timestamptz,
  ended_at timestamptz,
  content jsonb not null default '{}'::jsonb,
  report jsonb,
  summary text,
  error text,
  created_by uuid default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ended_at is null or started_at is null or ended_at >= started_at),
  unique (project_id, id)
);

create index sessions_project_created_idx on public.sessions (project_id, created_at desc);
create index sessions_project_status_idx on public.sessions (project_id, status);

create trigger sessions_touch_updated_at
  before update on public.sessions
  for each row execute function private.touch_updated_at();
create trigger sessions_keep_project_id
  before update on public.sessions
  for each row execute function private.keep_project_id();

alter table public.sessions enable row level security;

create policy "project roles read sessions" on public.sessions
  for select to authenticated
  using (project_id in (select private.project_ids_with_role(array['admin', 'member', 'viewer'])));
create policy "members add sessions" on public.sessions
  for insert to authenticated
  with check (project_id in (select private.project_ids_with_role(array['admin', 'member'])));
create policy "members change sessions" on public.sessions
  for update to authenticated
  using (project_id in (select private.project_ids_with_role(array['admin', 'member'])))
  with check (project_id in (select private.project_ids_with_role(array['admin', 'member'])));
create policy "members delete sessions" on public.sessions
  for delete to authenticated
  using (project_id in (select private.project_ids_with_role(array['admin', 'member'])));
