-- Patterns (one row per pattern version), where they stand in code, and how they relate.
-- Project data: every role of the project reads it, admins and members write it.

create table public.patterns (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references public.projects (id) on delete cascade,
  pattern_type text not null
    check (pattern_type in ('function_pattern', 'class_pattern', 'design_pattern', 'interaction_pattern')),
  kind text check (kind in (
    'retry_backoff', 'singleton', 'factory', 'repository_crud', 'observer_event', 'strategy',
    'decorator', 'context_manager', 'builder', 'cache_memoize', 'validation', 'adapter',
    'error_handling_wrapper', 'db_transaction'
  )),
  name text not null check (char_length(btrim(name)) between 1 and 300),
  description text not null default '',
  language text check (language in ('python', 'typescript', 'tsx', 'javascript')),
  framework text,
  code text not null default '',
  content jsonb not null default '{}'::jsonb,
  tags text[] not null default '{}',
  dependencies text[] not null default '{}',
  fingerprint text,
  context_hash text,
  embedding extensions.vector(384),
  embedding_model text,
  -- Identifiers, signatures and docstrings of the pattern, split into words by the writer.
  search_text text not null default '',
  search_vector tsvector generated always as (
    setweight(to_tsvector('english'::regconfig, name), 'A')
    || setweight(to_tsvector('english'::regconfig, description), 'B')
    || setweight(to_tsvector('english'::regconfig, search_text), 'C')
  ) stored,
  -- Quality, 0–1, and the parts it is made of (null test coverage: no report was given).
  quality_score double precision check (quality_score between 0 and 1),
  complexity_score double precision check (complexity_score between 0 and 1),
  documentation_score double precision check (documentation_score between 0 and 1),
  test_coverage_score double precision check (test_coverage_score between 0 and 1),
  reusability_score double precision check (reusability_score between 0 and 1),
  maintainability_score double precision check (maintainability_score between 0 and 1),
  complexity integer check (complexity >= 0),
  confidence double precision check (confidence between 0 and 1),
  usage_count integer not null default 0 check (usage_count >= 0),
  success_count integer not null default 0 check (success_count >= 0),
  failure_count integer not null default 0 check (failure_count >= 0),
  -- Derived, so it can never disagree with the counts it comes from.
  success_rate double precision generated always as (
    case when success_count + failure_count > 0
      then success_count::double precision / (success_count + failure_count)
    end
  ) stored,
  avg_rating double precision check (avg_rating between 1 and 5),
  match_count integer not null default 0 check (match_count >= 0),
  last_matched_at timestamptz,
  last_used_at timestamptz,
  version integer not null default 1 check (version >= 1),
  parent_pattern_id uuid,
  superseded_by uuid,
  status text not null default 'active' check (status in ('pending', 'active', 'deprecated', 'archived')),
  validation_count integer not null default 0 check (validation_count >= 0),
  contradiction_count integer not null default 0 check (contradiction_count >= 0),
  extraction_method text not null default 'ast'
    check (extraction_method in ('ast', 'local_llm', 'commercial_llm', 'manual')),
  extraction_model text,
  extraction_confidence double precision check (extraction_confidence between 0 and 1),
  created_by uuid default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- The target of the composite foreign keys that keep related rows inside one project.
  unique (project_id, id),
  check (parent_pattern_id is distinct from id),
  check (superseded_by is distinct from id),
  foreign key (project_id, parent_pattern_id)
    references public.patterns (project_id, id) on delete set null (parent_pattern_id),
  foreign key (project_id, superseded_by)
    references public.patterns (project_id, id) on delete set null (superseded_by)
);

create index patterns_embedding_idx on public.patterns
  using hnsw (embedding extensions.vector_cosine_ops);
create index patterns_tags_idx on public.patterns using gin (tags);
create index patterns_search_vector_idx on public.patterns using gin (search_vector);
create index patterns_project_status_idx on public.patterns (project_id, status);
create index patterns_project_type_idx on public.patterns (project_id, pattern_type);
create index patterns_project_kind_idx on public.patterns (project_id, kind);
create index patterns_project_language_idx on public.patterns (project_id, language);
create index patterns_project_quality_idx on public.patterns (project_id, quality_score desc nulls last);
create index patterns_project_fingerprint_idx on public.patterns (project_id, fingerprint);
create index patterns_parent_idx on public.patterns (project_id, parent_pattern_id);
create index patterns_superseded_by_idx on public.patterns (project_id, superseded_by);

create trigger patterns_touch_updated_at
  before update on public.patterns
  for each row execute function private.touch_updated_at();
create trigger patterns_keep_project_id
  before update on public.patterns
  for each row execute function private.keep_project_id();

alter table public.patterns enable row level security;

create policy "project roles read patterns" on public.patterns
  for select to authenticated
  using (project_id in (select private.project_ids_with_role(array['admin', 'member', 'viewer'])));
create policy "members add patterns" on public.patterns
  for insert to authenticated
  with check (project_id in (select private.project_ids_with_role(array['admin', 'member'])));
create policy "members change patterns" on public.patterns
  for update to authenticated
  using (project_id in (select private.project_ids_with_role(array['admin', 'member'])))
  with check (project_id in (select private.project_ids_with_role(array['admin', 'member'])));
-- Members archive (an update); removing a pattern for good is an admin's decision.
create policy "admins delete patterns" on public.patterns
  for delete to authenticated
  using (project_id in (select private.project_ids_with_role(array['admin'])));

-- ---------------------------------------------------------------------------------------

create table public.pattern_occurrences (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references public.projects (id) on delete cascade,
  pattern_id uuid not null,
  repository text not null default '',
  file_path text not null check (char_length(file_path) between 1 and 1024),
  start_line integer not null check (start_line >= 1),
  end_line integer not null,
  qualname text,
  unit_kind text check (unit_kind in ('function', 'method', 'class')),
  commit_sha text check (commit_sha ~ '^[0-9a-f]{7,64}$'),
  complexity integer check (complexity >= 0),
  created_at timestamptz not null default now(),
  check (end_line >= start_line),
  unique (pattern_id, repository, file_path, start_line),
  foreign key (project_id, pattern_id) references public.patterns (project_id, id) on delete cascade
);

create index pattern_occurrences_pattern_idx on public.pattern_occurrences (project_id, pattern_id);
create index pattern_occurrences_file_idx on public.pattern_occurrences (project_id, repository, file_path);

create trigger pattern_occurrences_keep_project_id
  before update on public.pattern_occurrences
  for each row execute function private.keep_project_id();

alter table public.pattern_occurrences enable row level security;

create policy "project roles read occurrences" on public.pattern_occurrences
  for select to authenticated
  using (project_id in (select private.project_ids_with_role(array['admin', 'member', 'viewer'])));
create policy "members add occurrences" on public.pattern_occurrences
  for insert to authenticated
  with check (project_id in (select private.project_ids_with_role(array['admin', 'member'])));
create policy "members change occurrences" on public.pattern_occurrences
  for update to authenticated
  using (project_id in (select private.project_ids_with_role(array['admin', 'member'])))
  with check (project_id in (select private.project_ids_with_role(array['admin', 'member'])));
create policy "members delete occurrences" on public.pattern_occurrences
  for delete to authenticated
  using (project_id in (select private.project_ids_with_role(array['admin', 'member'])));

-- ---------------------------------------------------------------------------------------
-- Both ends of a relationship belong to the relationship's project: the composite foreign
-- keys make a cross-project edge impossible, for every caller.

create table public.pattern_relationships (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references public.projects (id) on delete cascade,
  source_pattern_id uuid not null,
  target_pattern_id uuid not null,
  relationship_type text not null check (relationship_type in ('USES', 'EXTENDS', 'SIMILAR_TO', 'COMPOSED_OF')),
  strength double precision not null default 1 check (strength between 0 and 1),
  confidence double precision not null default 1 check (confidence between 0 and 1),
  evidence jsonb not null default '{}'::jsonb,
  created_by uuid default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (source_pattern_id <> target_pattern_id),
  unique (source_pattern_id, target_pattern_id, relationship_type),
  foreign key (project_id, source_pattern_id) references public.patterns (project_id, id) on delete cascade,
  foreign key (project_id, target_pattern_id) references public.patterns (project_id, id) on delete cascade
);

create index pattern_relationships_source_idx on public.pattern_relationships (project_id, source_pattern_id);
create index pattern_relationships_target_idx on public.pattern_relationships (project_id, target_pattern_id);

create trigger pattern_relationships_touch_updated_at
  before update on public.pattern_relationships
  for each row execute function private.touch_updated_at();
create trigger pattern_relationships_keep_project_id
  before update on public.pattern_relationships
  for each row execute function private.keep_project_id();

alter table public.pattern_relationships enable row level security;

create policy "project roles read relationships" on public.pattern_relationships
  for select to authenticated
  using (project_id in (select private.project_ids_with_role(array['admin', 'member', 'viewer'])));
create policy "members add relationships" on public.pattern_relationships
  for insert to authenticated
  with check (project_id in (select private.project_ids_with_role(array['admin', 'member'])));
create policy "members change relationships" on public.pattern_relationships
  for update to authenticated
  using (project_id in (select private.project_ids_with_role(array['admin', 'member'])))
  with check (project_id in (select private.project_ids_with_role(array['admin', 'member'])));
create policy "members delete relationships" on public.pattern_relationships
  for delete to authenticated
  using (project_id in (select private.project_ids_with_role(array['admin', 'member'])));
