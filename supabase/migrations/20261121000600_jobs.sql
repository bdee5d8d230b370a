-- Background work (whole-repository extraction, re-embedding, session analysis), taken by
-- `motif worker` processes running as service_role with `for update skip locked`.

create table public.jobs (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references public.projects (id) on delete cascade,
  job_type text not null check (job_type ~ '^[a-z][a-z0-9_.]{0,63}$'),
  payload jsonb not null default '{}'::jsonb,
  status text not null default 'queued'
    check (status in ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
  priority integer not null default 0,
  attempts integer not null default 0 check (attempts >= 0),
  max_attempts integer not null default 3 check (max_attempts >= 1),
  run_after timestamptz not null default now(),
  locked_by text,
  locked_at timestamptz,
  started_at timestamptz,
  finished_at timestamptz,
  progress jsonb,
  result jsonb,
  error text,
  created_by uuid default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (project_id, id)
);

-- The queue: the next runnable job, highest priority first, oldest first.
create index jobs_queue_idx on public.jobs (priority desc, run_after) where status = 'queued';
create index jobs_project_created_idx on public.jobs (project_id, created_at desc);
create index jobs_project_status_idx on public.jobs (project_id, status);

create trigger jobs_touch_updated_at
  before update on public.jobs
  for each row execute function private.touch_updated_at();
create trigger jobs_keep_project_id
  before update on public.jobs
  for each row execute function private.keep_project_id();

alter table public.jobs enable row level security;

create policy "project roles read jobs" on public.jobs
  for select to authenticated
  using (project_id in (select private.project_ids_with_role(array['admin', 'member', 'viewer'])));
create policy "members queue jobs" on public.jobs
  for insert to authenticated
  with check (project_id in (select private.project_ids_with_role(array['admin', 'member'])));
create policy "members change jobs" on public.jobs
  for update to authenticated
  using (project_id in (select private.project_ids_with_role(array['admin', 'member'])))
  with check (project_id in (select private.project_ids_with_role(array['admin', 'member'])));
create policy "members delete jobs" on public.jobs
  for delete to authenticated
  using (project_id in (select private.project_ids_with_role(array['admin', 'member'])));
