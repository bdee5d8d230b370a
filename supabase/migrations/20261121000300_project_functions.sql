-- The membership operations the app calls. security definer because they touch rows the
-- caller cannot reach through the table policies (a project before its first member exists,
-- auth.users for e-mail addresses); each checks the caller itself first.

-- Creates a project with its creator as admin, atomically. Callers: a signed-in user, never an
-- API key. Errors: 42501 not a user; 22023 bad slug or name; 23505 slug taken.
create or replace function public.create_project(p_name text, p_slug text)
returns public.projects
language plpgsql
security definer
set search_path = ''
as $$
declare
  caller uuid := auth.uid();
  project public.projects;
begin
  if caller is null or auth.role() is distinct from 'authenticated' or coalesce(auth.jwt() ? 'api_key_id', false) then
    raise exception 'only a signed-in user can create a project' using errcode = '42501';
  end if;
  if p_slug is null or p_slug !~ '^[a-z0-9][a-z0-9-]{1,62}$' then
    raise exception 'invalid project slug "%": use 2 to 63 lowercase letters, digits or hyphens, starting with a letter or digit', p_slug
      using errcode = '22023';
  end if;
  if p_name is null or char_length(btrim(p_name)) not between 1 and 200 then
    raise exception 'invalid project name: use 1 to 200 characters' using errcode = '22023';
  end if;
  insert into public.projects (name, slug, created_by)
  values (btrim(p_name), p_slug, caller)
  returning * into project;
  insert into public.project_members (project_id, user_id, role)
  values (project.id, caller, 'admin');
  return project;
end
$$;

-- Adds the user with that e-mail address (any case) to a project. Callers: an admin of the
-- project who is a user. Errors: 42501 not such an admin; 22023 bad role; P0002 no such
-- user; 23505 already a member.
create or replace function public.add_project_member(p_project_id uuid, p_email text, p_role text)
returns public.project_members
language plpgsql
security definer
set search_path = ''
as $$
declare
  new_user_id uuid;
  membership public.project_members;
begin
  if p_project_id is null or not private.is_project_admin(p_project_id) then
    raise exception 'only a project admin can add members' using errcode = '42501';
  end if;
  if p_role is null or p_role not in ('admin', 'member', 'viewer') then
    raise exception 'invalid role "%": use admin, member or viewer', p_role using errcode = '22023';
  end if;
  select u.id into new_user_id
  from auth.users u
  where lower(u.email) = lower(btrim(p_email))
  order by u.created_at
  limit 1;
  if new_user_id is null then
    raise exception 'no user with email %', p_email using errcode = 'P0002';
  end if;
  if exists (select 1 from public.project_members m where m.project_id = p_project_id and m.user_id = new_user_id) then
    raise exception 'the user with email % is already a member of this project', p_email using errcode = '23505';
  end if;
  insert into public.project_members (project_id, user_id, role)
  values (p_project_id, new_user_id, p_role)
  returning * into membership;
  return membership;
end
$$;

-- The members of a project with their e-mail addresses, for anyone who holds a role in it
-- (members see each other); empty for everyone else.
create or replace function public.list_project_members(p_project_id uuid)
returns table (user_id uuid, email text, role text, created_at timestamptz)
language sql
stable
security definer
set search_path = ''
as $$
  select m.user_id, u.email::text, m.role, m.created_at
  from public.project_members m
  join auth.users u on u.id = m.user_id
  where m.project_id = p_project_id
    and private.project_role(p_project_id) is not null
  order by m.created_at, u.email
$$;

revoke execute on function
  public.create_project(text, text),
  public.add_project_member(uuid, text, text),
  public.list_project_members(uuid)
from public, anon;
grant execute on function
  public.create_project(text, text),
  public.add_project_member(uuid, text, text),
  public.list_project_members(uuid)
to authenticated, service_role;
