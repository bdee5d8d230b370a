-- Every LLM call: which provider and model, local or not, tokens, cost and latency. Budgets
-- and the routing report read it.

create table public.model_usage (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references public.projects (id) on delete cascade,
  -- The routed task ('name_pattern', 'describe_pattern', 'analyse_session', ...).
  task text not null check (char_length(task) between 1 and 100),
  provider text not null check (char_length(provider) between 1 and 100),
  model text not null check (char_length(model) between 1 and 200),
  is_local boolean not null,
  input_tokens integer not null default 0 check (input_tokens >= 0),
  output_tokens integer not null default 0 check (output_tokens >= 0),
  cost_usd numeric(14, 8) not null default 0 check (cost_usd >= 0),
  latency_ms integer check (latency_ms >= 0),
  succeeded boolean not null default true,
  error text,
  session_id uuid,
  job_id uuid,
  created_by uuid default auth.uid(),
  created_at timestamptz not null default now(),
  foreign key (project_id, session_id) references public.sessions (project_id, id) on delete set null (session_id),
  foreign key (project_id, job_id) references public.jobs (project_id, id) on delete set null (job_id)
);

create index model_usage_project_created_idx on public.model_usage (project_id, created_at desc);
create index model_usage_project_model_idx on public.model_usage (project_id, provider, model);
create index model_usage_session_idx on public.model_usage (project_id, session_id);
create index model_usage_job_idx on public.model_usage (project_id, job_id);

create trigger model_usage_keep_project_id
  before update on public.model_usage
  for each row execute function private.keep_project_id();

alter table public.model_usage enable row level security;

create policy "project roles read model usage" on public.model_usage
  for select to authenticated
  using (project_id in (select private.project_ids_with_role(array['admin', 'member', 'viewer'])));
create policy "members record model usage" on public.model_usage
  for insert to authenticated
  with check (project_id in (select private.project_ids_with_role(array['admin', 'member'])));
create policy "members change model usage" on public.model_usage
  for update to authenticated
  using (project_id in (select private.project_ids_with_role(array['admin', 'member'])))
  with check (project_id in (select private.project_ids_with_role(array['admin', 'member'])));
create policy "members delete model usage" on public.model_usage
  for delete to authenticated
  using (project_id in (select private.project_ids_with_role(array['admin', 'member'])));
