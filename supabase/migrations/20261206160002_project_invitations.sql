-- Invitations: an admin invites an e-mail address to a project with a role; the person with
-- that address accepts (and becomes a member) or declines. Nobody is added to a project
-- without their consent, and inviting answers the same whether or not an account with the
-- address exists, so the invitation form cannot be used to find out who has an account.

create table public.project_invitations (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references public.projects (id) on delete cascade,
  email text not null check (char_length(email) between 3 and 254 and email = lower(btrim(email))),
  role text not null check (role in ('admin', 'member', 'viewer')),
  invited_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  unique (project_id, email)
);

create index project_invitations_email_idx on public.project_invitations (email);
create index project_invitations_invited_by_idx on public.project_invitations (invited_by);

-- Admins of the project see and withdraw its invitations; invitees go through the functions.
alter table public.project_invitations enable row level security;

create policy "admins read invitations" on public.project_invitations
  for select to authenticated
  using (private.is_project_admin(project_id));

create policy "admins withdraw invitations" on public.project_invitations
  for delete to authenticated
  using (private.is_project_admin(project_id));

grant select, delete on public.project_invitations to authenticated;
grant all on public.project_invitations to service_role;

-- The signed-in user's own address (never an API key's), read from auth.users rather than
-- from the token: the address an invitation names must be the account's.
create or replace function private.caller_email()
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select lower(u.email::text) from auth.users u
  where u.id = auth.uid() and not coalesce(auth.jwt() ? 'api_key_id', false)
$$;

-- Invites an address (any case) to a project, or changes the role of a pending invitation.
-- Callers: an admin of the project who is a user. Errors: 42501 not such an admin; 22023 bad
-- role or address; 23505 the address is already a member's (admins see the members anyway).
create or replace function public.invite_project_member(p_project_id uuid, p_email text, p_role text)
returns public.project_invitations
language plpgsql
security definer
set search_path = ''
as $$
declare
  address text := lower(btrim(coalesce(p_email, '')));
  invitation public.project_invitations;
begin
  if p_project_id is null or not private.is_project_admin(p_project_id) then
    raise exception 'only a project admin can invite members' using errcode = '42501';
  end if;
  if p_role is null or p_role not in ('admin', 'member', 'viewer') then
    raise exception 'invalid role "%": use admin, member or viewer', p_role using errcode = '22023';
  end if;
  if char_length(address) not between 3 and 254 or position('@' in address) = 0 then
    raise exception 'invalid email address' using errcode = '22023';
  end if;
  if exists (
    select 1 from public.project_members m join auth.users u on u.id = m.user_id
    where m.project_id = p_project_id and lower(u.email::text) = address
  ) then
    raise exception '% is already a member of this project', address using errcode = '23505';
  end if;
  insert into public.project_invitations (project_id, email, role, invited_by)
  values (p_project_id, address, p_role, auth.uid())
  on conflict (project_id, email) do update
    set role = excluded.role, invited_by = excluded.invited_by, created_at = now()
  returning * into invitation;
  return invitation;
end
$$;

-- The invitations addressed to the caller, with the project's name and who invited them.
create or replace function public.list_my_invitations()
returns table (id uuid, project_id uuid, project_slug text, project_name text, role text, invited_by_email text, created_at timestamptz)
language sql
stable
security definer
set search_path = ''
as $$
  select i.id, p.id, p.slug, p.name, i.role, u.email::text, i.created_at
  from public.project_invitations i
  join public.projects p on p.id = i.project_id
  left join auth.users u on u.id = i.invited_by
  where i.email = private.caller_email()
  order by i.created_at desc
$$;

-- Accepts an invitation addressed to the caller: the caller becomes a member with its role and
-- the invitation is gone. Errors: P0002 no such invitation for the caller.
create or replace function public.accept_invitation(p_invitation_id uuid)
returns public.project_members
language plpgsql
security definer
set search_path = ''
as $$
declare
  invitation public.project_invitations;
  membership public.project_members;
begin
  delete from public.project_invitations i
  where i.id = p_invitation_id and i.email = private.caller_email()
  returning * into invitation;
  if invitation.id is null then
    raise exception 'you have no invitation %', p_invitation_id using errcode = 'P0002';
  end if;
  insert into public.project_members (project_id, user_id, role)
  values (invitation.project_id, auth.uid(), invitation.role)
  on conflict (project_id, user_id) do nothing;
  select * into membership from public.project_members m
  where m.project_id = invitation.project_id and m.user_id = auth.uid();
  return membership;
end
$$;

-- Declines an invitation addressed to the caller; false when there is none.
create or replace function public.decline_invitation(p_invitation_id uuid)
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
  removed integer;
begin
  delete from public.project_invitations i where i.id = p_invitation_id and i.email = private.caller_email();
  get diagnostics removed = row_count;
  return removed > 0;
end
$$;

-- Adding someone without their consent is no longer open to users: add_project_member stays
-- for trusted work (service_role) only.
revoke execute on function public.add_project_member(uuid, text, text) from authenticated;

revoke execute on function private.caller_email() from public, anon;
grant execute on function private.caller_email() to authenticated, service_role;
revoke execute on function
  public.invite_project_member(uuid, text, text),
  public.list_my_invitations(),
  public.accept_invitation(uuid),
  public.decline_invitation(uuid)
from public, anon;
grant execute on function
  public.invite_project_member(uuid, text, text),
  public.list_my_invitations(),
  public.accept_invitation(uuid),
  public.decline_invitation(uuid)
to authenticated, service_role;

-- An invitation stays with its project, as every project-scoped row does.
create trigger project_invitations_keep_project_id
  before update on public.project_invitations
  for each row execute function private.keep_project_id();
