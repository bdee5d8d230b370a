-- LLM routing (issue 18): each project's spending limits on commercial models, and what a
-- model said of a pattern beside what the AST extractor found.

create table public.llm_budgets (
  project_id uuid primary key references public.projects (id) on delete cascade,
  -- USD per UTC day / UTC calendar month; null: no limit of that kind.
  daily_usd numeric(14, 6) check (daily_usd >= 0),
  monthly_usd numeric(14, 6) check (monthly_usd >= 0),
  updated_by uuid default auth.uid(),
  updated_at timestamptz not null default now()
);

create trigger llm_budgets_touch_updated_at
  before update on public.llm_budgets
  for each row execute function private.touch_updated_at();
create trigger llm_budgets_keep_project_id
  before update on public.llm_budgets
  for each row execute function private.keep_project_id();

alter table public.llm_budgets enable row level security;

-- Settings: every role reads them, admins set them.
create policy "project roles read budgets" on public.llm_budgets
  for select to authenticated
  using (project_id in (select private.project_ids_with_role(array['admin', 'member', 'viewer'])));
create policy "admins set budgets" on public.llm_budgets
  for insert to authenticated
  with check (project_id in (select private.project_ids_with_role(array['admin'])));
create policy "admins change budgets" on public.llm_budgets
  for update to authenticated
  using (project_id in (select private.project_ids_with_role(array['admin'])))
  with check (project_id in (select private.project_ids_with_role(array['admin'])));
create policy "admins delete budgets" on public.llm_budgets
  for delete to authenticated
  using (project_id in (select private.project_ids_with_role(array['admin'])));

-- The spend of a day or a month is summed from model_usage on every commercial call.
create index model_usage_project_spend_idx on public.model_usage (project_id, created_at) where not is_local;

-- ---------------------------------------------------------------------------------------
-- A model's name and description of a pattern, and its verdict on the detected kind. The
-- AST's own name and description stay where they are; extraction_method / extraction_model
-- say which model described it. described_hash is the extraction_hash the model saw: a
-- pattern re-ingested with other code is described again.

alter table public.patterns
  add column llm_name text check (char_length(llm_name) <= 200),
  add column llm_description text check (char_length(llm_description) <= 4000),
  add column llm_kind_verdict text check (llm_kind_verdict in ('confirmed', 'rejected', 'not_applicable')),
  add column llm_suggested_kind text check (char_length(llm_suggested_kind) <= 100),
  add column described_at timestamptz,
  add column described_hash text;

-- At most one `describe` job queued or running per project, as for re-embeddings.
create unique index jobs_one_active_describe_idx on public.jobs (project_id)
  where job_type = 'describe' and status in ('queued', 'running');

-- Like every column that is not a counter, API callers may write these (see
-- 20261121001330_pattern_counter_privileges.sql): a member may correct what a model wrote.
grant insert (llm_name, llm_description, llm_kind_verdict, llm_suggested_kind, described_at, described_hash),
  update (llm_name, llm_description, llm_kind_verdict, llm_suggested_kind, described_at, described_hash)
  on public.patterns to anon, authenticated;
