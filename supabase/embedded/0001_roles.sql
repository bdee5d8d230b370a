-- Embedded mode only: the database roles Supabase creates for its API layer.
-- anon          requests without credentials
-- authenticated requests with a user's (or an API key's) JWT; row-level security decides
-- service_role  trusted background work; bypasses row-level security
-- Every request runs `set local role <role>`, so the connecting user must be a member of each.

do $$
begin
  if not exists (select 1 from pg_catalog.pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select 1 from pg_catalog.pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select 1 from pg_catalog.pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
  end if;
end
$$;

do $$
declare
  api_role text;
begin
  foreach api_role in array array['anon', 'authenticated', 'service_role'] loop
    if not pg_catalog.pg_has_role(current_user, api_role, 'member') then
      execute format('grant %I to %I', api_role, current_user);
    end if;
  end loop;
end
$$;

-- Supabase keeps extensions (pgvector among them) in their own schema that every API role
-- may use, and puts it on the search path so that `<=>` resolves without qualification.
create schema if not exists extensions;
grant usage on schema extensions to anon, authenticated, service_role;

do $$
begin
  execute format('alter database %I set search_path to "$user", public, extensions', current_database());
end
$$;
-- `alter database` only reaches new sessions, and PGlite ignores it (it starts every session
-- with search_path=public), so the PGlite driver also sets the path each time it opens. A plain
-- `set` inside the migration's transaction outlives its commit.
set search_path to "$user", public, extensions;

-- What Supabase grants on `public`: every API role may use every object, so that row-level
-- security, not a missing grant, is what decides who sees a row.
grant usage on schema public to anon, authenticated, service_role;
grant all on all tables in schema public to anon, authenticated, service_role;
grant all on all sequences in schema public to anon, authenticated, service_role;
grant all on all routines in schema public to anon, authenticated, service_role;
alter default privileges in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges in schema public grant all on sequences to anon, authenticated, service_role;
alter default privileges in schema public grant all on routines to anon, authenticated, service_role;
