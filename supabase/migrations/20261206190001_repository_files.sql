-- Repository-relative occurrence paths, and what incremental ingest remembers per file.
--
-- Occurrence paths are relative to the repository root (the git root, or `motif ingest
-- --root`) from now on. Before, they were relative to the folder `motif ingest` ran in, so
-- ingesting a repository from `src/` after its root stored every occurrence twice
-- (`retry.py` beside `src/retry.py`). SQL cannot know where each old ingest ran, so:
--   1. rows stored before this migration are marked `root_relative = false`;
--   2. duplicates that differ only by a leading folder collapse here: of two live rows the
--      longer, more rooted path stays live and the shorter is marked removed; a removed row
--      that duplicates a live one (the ingest from the other folder marked it gone) is
--      deleted, since it records the path bug, not code that went away;
--   3. the next ingest of the repository rewrites each legacy path to the incoming
--      repository-relative path that ends with it, when exactly one does
--      (lib/db/queries/ingest-occurrences.ts), and marks the row root-relative.

alter table public.pattern_occurrences add column root_relative boolean not null default false;
alter table public.pattern_occurrences alter column root_relative set default true;
-- Ingest looks for legacy rows on every run: only they are in this index, so it stays empty.
create index pattern_occurrences_legacy_idx on public.pattern_occurrences (project_id, repository) where not root_relative;

update public.pattern_occurrences shorter set removed_at = now()
where shorter.removed_at is null
  and exists (
    select 1 from public.pattern_occurrences longer
    where longer.project_id = shorter.project_id
      and longer.pattern_id = shorter.pattern_id
      and longer.repository = shorter.repository
      and longer.start_line = shorter.start_line
      and longer.qualname is not distinct from shorter.qualname
      and longer.removed_at is null
      and right(longer.file_path, char_length(shorter.file_path) + 1) = '/' || shorter.file_path
  );

delete from public.pattern_occurrences gone
where gone.removed_at is not null
  and exists (
    select 1 from public.pattern_occurrences live
    where live.project_id = gone.project_id
      and live.pattern_id = gone.pattern_id
      and live.repository = gone.repository
      and live.start_line = gone.start_line
      and live.qualname is not distinct from gone.qualname
      and live.removed_at is null
      and (right(live.file_path, char_length(gone.file_path) + 1) = '/' || gone.file_path
        or right(gone.file_path, char_length(live.file_path) + 1) = '/' || live.file_path)
  );

-- One row per source file an ingest read, so the next ingest re-extracts only files whose
-- content changed. `content_hash` is git's blob id (sha1 of "blob <size>\0" + bytes), so a
-- GitHub tree listing says which files changed without downloading them. `extraction` is the
-- file's extraction (units, imports, line and byte counts) as the extractor of
-- `extractor_version` produced it; another version re-extracts.
create table public.source_files (
  project_id uuid not null references public.projects (id) on delete cascade,
  repository text not null default '',
  file_path text not null check (char_length(file_path) between 1 and 1024),
  content_hash text not null check (content_hash ~ '^[0-9a-f]{40}$'),
  extractor_version text not null,
  -- null: the file could not be extracted (its reason is in `failure`).
  extraction jsonb,
  failure text,
  commit_sha text check (commit_sha ~ '^[0-9a-f]{7,64}$'),
  updated_at timestamptz not null default now(),
  primary key (project_id, repository, file_path)
);

create trigger source_files_keep_project_id
  before update on public.source_files
  for each row execute function private.keep_project_id();

alter table public.source_files enable row level security;

create policy "project roles read source files" on public.source_files
  for select to authenticated
  using (project_id in (select private.project_ids_with_role(array['admin', 'member', 'viewer'])));
create policy "members add source files" on public.source_files
  for insert to authenticated
  with check (project_id in (select private.project_ids_with_role(array['admin', 'member'])));
create policy "members change source files" on public.source_files
  for update to authenticated
  using (project_id in (select private.project_ids_with_role(array['admin', 'member'])))
  with check (project_id in (select private.project_ids_with_role(array['admin', 'member'])));
create policy "members delete source files" on public.source_files
  for delete to authenticated
  using (project_id in (select private.project_ids_with_role(array['admin', 'member'])));


-- The commit the stored files of a repository reflect (the last ingest that named one), so a
-- push whose `before` is that commit can ask GitHub for the difference only.
create table public.source_repositories (
  project_id uuid not null references public.projects (id) on delete cascade,
  repository text not null default '',
  commit_sha text check (commit_sha ~ '^[0-9a-f]{7,64}$'),
  updated_at timestamptz not null default now(),
  primary key (project_id, repository)
);

create trigger source_repositories_keep_project_id
  before update on public.source_repositories
  for each row execute function private.keep_project_id();

alter table public.source_repositories enable row level security;

create policy "project roles read source repositories" on public.source_repositories
  for select to authenticated
  using (project_id in (select private.project_ids_with_role(array['admin', 'member', 'viewer'])));
create policy "members add source repositories" on public.source_repositories
  for insert to authenticated
  with check (project_id in (select private.project_ids_with_role(array['admin', 'member'])));
create policy "members change source repositories" on public.source_repositories
  for update to authenticated
  using (project_id in (select private.project_ids_with_role(array['admin', 'member'])))
  with check (project_id in (select private.project_ids_with_role(array['admin', 'member'])));
create policy "members delete source repositories" on public.source_repositories
  for delete to authenticated
  using (project_id in (select private.project_ids_with_role(array['admin', 'member'])));
