-- What the Patterns API needs of the schema: feedback counters kept by triggers (so no
-- concurrent report is lost), the role rules for archiving, and an admin-only hard delete.

-- avg_rating is kept exact from a running sum and count: recomputing it from pattern_usage
-- inside a trigger would read a snapshot that misses reports committed meanwhile.
alter table public.patterns
  add column if not exists rating_count integer not null default 0 check (rating_count >= 0),
  add column if not exists rating_sum bigint not null default 0 check (rating_sum >= 0);

-- ---------------------------------------------------------------------------------------
-- Usage counters. One UPDATE ... SET x = x + delta per usage row change: Postgres re-reads the
-- locked pattern row before applying it, so 40 concurrent reports give exactly 40 more.
-- Outcomes count as: successful → success_count, failed → failure_count; partial and pending
-- count in usage_count only (success_rate = successes over successes and failures).
-- security invoker: only callers who may write the pattern (admins, members) may report usage.

create or replace function private.apply_pattern_usage()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  target_project uuid := coalesce(new.project_id, old.project_id);
  target_pattern uuid := coalesce(new.pattern_id, old.pattern_id);
  sign_new integer := case when tg_op in ('INSERT', 'UPDATE') then 1 else 0 end;
  sign_old integer := case when tg_op in ('UPDATE', 'DELETE') then 1 else 0 end;
  used integer := 0;
  successes integer := 0;
  failures integer := 0;
  ratings integer := 0;
  rating_total integer := 0;
begin
  if tg_op = 'INSERT' then used := 1; elsif tg_op = 'DELETE' then used := -1; end if;
  if sign_new = 1 then
    successes := (new.outcome = 'successful')::integer;
    failures := (new.outcome = 'failed')::integer;
    ratings := (new.rating is not null)::integer;
    rating_total := coalesce(new.rating, 0);
  end if;
  if sign_old = 1 then
    successes := successes - (old.outcome = 'successful')::integer;
    failures := failures - (old.outcome = 'failed')::integer;
    ratings := ratings - (old.rating is not null)::integer;
    rating_total := rating_total - coalesce(old.rating, 0);
  end if;
  if used = 0 and successes = 0 and failures = 0 and ratings = 0 and rating_total = 0 then
    return null;
  end if;
  update public.patterns p set
    usage_count = p.usage_count + used,
    success_count = p.success_count + successes,
    failure_count = p.failure_count + failures,
    rating_count = p.rating_count + ratings,
    rating_sum = p.rating_sum + rating_total,
    avg_rating = case when p.rating_count + ratings > 0
      then (p.rating_sum + rating_total)::double precision / (p.rating_count + ratings) end,
    last_used_at = case when tg_op = 'INSERT' then greatest(p.last_used_at, new.created_at) else p.last_used_at end
  where p.project_id = target_project and p.id = target_pattern;
  return null;
end
$$;

revoke execute on function private.apply_pattern_usage() from public, anon;

create trigger pattern_usage_apply_counters
  after insert or update of outcome, rating or delete on public.pattern_usage
  for each row execute function private.apply_pattern_usage();

-- A usage report is reported once: a pending one may be closed with its final outcome; a final
-- outcome stays what it was; a report stays on its pattern.
create or replace function private.guard_pattern_usage()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.pattern_id is distinct from old.pattern_id then
    raise exception 'a usage report cannot move to another pattern' using errcode = '23514';
  end if;
  if old.outcome <> 'pending' and new.outcome is distinct from old.outcome then
    raise exception 'this usage already has its final outcome (%); only a pending usage can be closed', old.outcome
      using errcode = 'P0001';
  end if;
  return new;
end
$$;

revoke execute on function private.guard_pattern_usage() from public, anon;

create trigger pattern_usage_guard
  before update on public.pattern_usage
  for each row execute function private.guard_pattern_usage();

-- ---------------------------------------------------------------------------------------
-- Validation counters: validation_count counts confirmations, contradiction_count
-- contradictions, kept the same atomic way.

create or replace function private.apply_pattern_validation()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  row_change integer := case when tg_op = 'INSERT' then 1 else -1 end;
  verdict text := case when tg_op = 'INSERT' then new.verdict else old.verdict end;
begin
  update public.patterns p set
    validation_count = p.validation_count + case when verdict = 'validated' then row_change else 0 end,
    contradiction_count = p.contradiction_count + case when verdict = 'contradicted' then row_change else 0 end
  where p.project_id = coalesce(new.project_id, old.project_id) and p.id = coalesce(new.pattern_id, old.pattern_id);
  return null;
end
$$;

revoke execute on function private.apply_pattern_validation() from public, anon;

create trigger pattern_validations_apply_counters
  after insert or delete on public.pattern_validations
  for each row execute function private.apply_pattern_validation();

-- ---------------------------------------------------------------------------------------
-- Status rules for people and API keys (service_role, i.e. ingest and workers, is trusted):
-- members move patterns between pending, active and deprecated; archiving a pattern, or
-- bringing one back from the archive, is an admin's (a user or an admin-role API key).

create or replace function private.guard_pattern_status()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if auth.role() = 'authenticated'
     and (new.status = 'archived') is distinct from (old.status = 'archived')
     and not private.has_project_role(new.project_id, array['admin']) then
    raise exception 'only project admins can % patterns',
      case when new.status = 'archived' then 'archive' else 'restore archived' end
      using errcode = '42501';
  end if;
  return new;
end
$$;

revoke execute on function private.guard_pattern_status() from public, anon;

create trigger patterns_guard_status
  before update of status on public.patterns
  for each row execute function private.guard_pattern_status();

-- ---------------------------------------------------------------------------------------
-- Deleting a pattern for good (with its occurrences, usage and validations) is an admin's,
-- asked for explicitly. security invoker: RLS still decides what the caller can see.
-- Errors: P0002 no such pattern (or not visible); 42501 not an admin of its project.

create or replace function public.hard_delete_pattern(p_pattern_id uuid)
returns uuid
language plpgsql
set search_path = ''
as $$
declare
  target public.patterns;
begin
  select * into target from public.patterns where id = p_pattern_id for update;
  if not found then
    raise exception 'pattern % not found', p_pattern_id using errcode = 'P0002';
  end if;
  if not private.has_project_role(target.project_id, array['admin']) then
    raise exception 'only project admins can delete a pattern permanently; others can archive it'
      using errcode = '42501';
  end if;
  insert into public.pattern_events (project_id, pattern_id, event_type, event_data)
  values (target.project_id, null, 'pattern.deleted',
          jsonb_build_object('pattern_id', target.id, 'name', target.name, 'version', target.version));
  delete from public.patterns where id = target.id;
  return target.id;
end
$$;

revoke execute on function public.hard_delete_pattern(uuid) from public, anon;
grant execute on function public.hard_delete_pattern(uuid) to authenticated, service_role;
