-- The GitHub loop: a project's connections to GitHub repositories, and the webhook
-- deliveries they received (a redelivery, same X-GitHub-Delivery, is recognised and ignored).

-- The webhook secret and the API token are stored encrypted (AES-256-GCM, lib/github
-- secret-box; the key comes from MOTIF_ENCRYPTION_KEY or the data dir): the database alone
-- does not give them away. Only admins read or change a connection.
create table public.github_connections (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references public.projects (id) on delete cascade,
  -- owner/name as GitHub spells it; matched without regard to case.
  repository text not null check (repository ~ '^[A-Za-z0-9_.-]{1,100}/[A-Za-z0-9_.-]{1,100}$'),
  webhook_secret_encrypted text not null,
  token_encrypted text not null,
  created_by uuid default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (project_id, id)
);

create unique index github_connections_project_repository_idx on public.github_connections (project_id, lower(repository));
create index github_connections_repository_idx on public.github_connections (lower(repository));

create trigger github_connections_touch_updated_at
  before update on public.github_connections
  for each row execute function private.touch_updated_at();
create trigger github_connections_keep_project_id
  before update on public.github_connections
  for each row execute function private.keep_project_id();

alter table public.github_connections enable row level security;

create policy "admins read github connections" on public.github_connections
  for select to authenticated
  using (project_id in (select private.project_ids_with_role(array['admin'])));
create policy "admins add github connections" on public.github_connections
  for insert to authenticated
  with check (project_id in (select private.project_ids_with_role(array['admin'])));
create policy "admins change github connections" on public.github_connections
  for update to authenticated
  using (project_id in (select private.project_ids_with_role(array['admin'])))
  with check (project_id in (select private.project_ids_with_role(array['admin'])));
create policy "admins delete github connections" on public.github_connections
  for delete to authenticated
  using (project_id in (select private.project_ids_with_role(array['admin'])));

-- Every verified delivery, once: what it was and what became of it (queued as a job,
-- answered at once, or ignored and counted). Written by the webhook as service_role.
create table public.github_deliveries (
  connection_id uuid not null,
  project_id uuid not null references public.projects (id) on delete cascade,
  delivery_id text not null check (char_length(delivery_id) between 1 and 200),
  event text not null check (char_length(event) between 1 and 100),
  action text,
  status text not null check (status in ('queued', 'answered', 'ignored')),
  job_id uuid,
  received_at timestamptz not null default now(),
  primary key (connection_id, delivery_id),
  foreign key (project_id, connection_id) references public.github_connections (project_id, id) on delete cascade
);

create index github_deliveries_project_idx on public.github_deliveries (project_id, received_at desc);
-- The connection key: deleting a connection finds its deliveries without a scan.
create index github_deliveries_connection_idx on public.github_deliveries (project_id, connection_id);

create trigger github_deliveries_keep_project_id
  before update on public.github_deliveries
  for each row execute function private.keep_project_id();

alter table public.github_deliveries enable row level security;

create policy "project roles read github deliveries" on public.github_deliveries
  for select to authenticated
  using (project_id in (select private.project_ids_with_role(array['admin', 'member', 'viewer'])));
