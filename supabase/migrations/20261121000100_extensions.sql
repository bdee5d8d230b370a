-- Extensions and the shared helpers every later migration uses.

-- Supabase keeps extensions in their own schema; the type is referenced as
-- `extensions.vector` below so that the schema does not depend on the search path.
create schema if not exists extensions;
create extension if not exists vector with schema extensions;

-- Helpers that policies and triggers call. Not exposed through the API (Supabase's API only
-- serves `public`); functions here are executable only where granted explicitly.
create schema if not exists private;
revoke all on schema private from public;
grant usage on schema private to authenticated, service_role;
alter default privileges in schema private revoke execute on functions from public;

-- Keeps `updated_at` honest whatever the client sends.
create or replace function private.touch_updated_at()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end
$$;

-- A project-scoped row never moves to another project, whoever asks (service_role too):
-- policies check the row's new project, but moving data between tenants is never intended.
create or replace function private.keep_project_id()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.project_id is distinct from old.project_id then
    raise exception 'a row of % cannot move to another project', tg_table_name
      using errcode = '23514', hint = 'project_id is immutable';
  end if;
  return new;
end
$$;

revoke execute on function private.touch_updated_at(), private.keep_project_id() from public, anon;
