-- The caller's project roles, which every row-level security policy of the project data reads
-- (`project_id in (select private.project_ids_with_role(...))`), keep their query plans for the
-- session: the same queries as in 20261121000200_projects.sql, in PL/pgSQL instead of SQL.
--
-- As SQL functions with security definer and their own search_path, Postgres could not inline
-- them, and it parses and plans an SQL function's body again in every statement that calls it,
-- inlining auth.role(), auth.jwt() and auth.uid() into it each time (each a parse of its own
-- body). PL/pgSQL prepares the query once per session and runs the cached plan. Measured on
-- real Postgres 15 at 100k patterns (pgbench, one backend, CPU from /proc; one statement calling
-- the function 11 times in sub-selects, less the same statement without it):
--   caller_project_roles()      SQL 0.24 ms a call, PL/pgSQL 0.04 ms
--   project_ids_with_role(...)  SQL 0.22 ms a call, PL/pgSQL 0.05 ms
--   project_role(project)       SQL 0.27 ms a call
-- A match request reads them about a dozen times (the project lookup, the lexeme statistics,
-- the candidates' role check, the rows joined back under RLS, the details' patterns,
-- occurrences and relationships, the counter update): ~2.5 ms of the statement's ~11 ms of
-- backend CPU went to planning them (docs/match-benchmark.md).
--
-- Same signatures, results, volatility, `rows` estimates, security and grants; only the
-- language changes.

create or replace function private.caller_project_roles()
returns table (project_id uuid, role text)
language plpgsql
stable
security definer
rows 10
set search_path = ''
as $$
#variable_conflict use_column
begin
  return query
  select k.project_id, k.role
  from public.api_keys k
  where auth.role() = 'authenticated'
    and auth.jwt() ? 'api_key_id'
    and k.id = (auth.jwt() ->> 'api_key_id')::uuid
    and k.revoked_at is null
  union all
  select m.project_id, m.role
  from public.project_members m
  where auth.role() = 'authenticated'
    and not coalesce(auth.jwt() ? 'api_key_id', false)
    and m.user_id = auth.uid();
end
$$;

create or replace function private.project_role(project_id uuid)
returns text
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return (select r.role from private.caller_project_roles() r where r.project_id = project_role.project_id limit 1);
end
$$;

create or replace function private.has_project_role(project_id uuid, roles text[])
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return coalesce(private.project_role(has_project_role.project_id) = any (has_project_role.roles), false);
end
$$;

create or replace function private.project_ids_with_role(roles text[])
returns setof uuid
language plpgsql
stable
security definer
rows 10
set search_path = ''
as $$
begin
  return query select r.project_id from private.caller_project_roles() r where r.role = any (project_ids_with_role.roles);
end
$$;

create or replace function private.is_project_admin(project_id uuid)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return not coalesce(auth.jwt() ? 'api_key_id', false)
    and private.has_project_role(is_project_admin.project_id, array['admin']);
end
$$;
