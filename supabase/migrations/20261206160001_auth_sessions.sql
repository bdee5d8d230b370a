-- Server-side sessions. A signed-in user's JWT carries `session_id`, the id of its row in
-- auth.sessions (GoTrue's table on Supabase; supabase/embedded/0003_auth_sessions.sql in
-- embedded mode). A token is accepted only while that row exists and has not passed its
-- `not_after`, so signing out or revoking a session ends its token at once instead of at
-- its expiry. These functions are the one way the app reads and ends sessions; they are
-- security definer because no API role may read auth.sessions itself.

-- Whether a session is live for this user: the server checks it (as service_role) before it
-- accepts a user's token.
create or replace function private.session_is_active(p_session_id uuid, p_user_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from auth.sessions s
    where s.id = p_session_id and s.user_id = p_user_id
      and (s.not_after is null or s.not_after > now())
  )
$$;

-- The caller's own live sessions (users only: an API key has no sessions).
create or replace function public.list_my_sessions()
returns table (id uuid, created_at timestamptz, expires_at timestamptz, user_agent text, ip text)
language sql
stable
security definer
set search_path = ''
as $$
  select s.id, s.created_at, s.not_after, s.user_agent, host(s.ip)
  from auth.sessions s
  where s.user_id = auth.uid()
    and not coalesce(auth.jwt() ? 'api_key_id', false)
    and (s.not_after is null or s.not_after > now())
  order by s.created_at desc
$$;

-- Ends one of the caller's sessions; false when the caller has no such session.
create or replace function public.revoke_my_session(p_session_id uuid)
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
  removed integer;
begin
  if coalesce(auth.jwt() ? 'api_key_id', false) then
    raise exception 'an API key cannot end sessions; sign in' using errcode = '42501';
  end if;
  delete from auth.sessions s where s.id = p_session_id and s.user_id = auth.uid();
  get diagnostics removed = row_count;
  return removed > 0;
end
$$;

-- Sign-out and expiry clean-up (service_role): ends one session, or every session past its end.
create or replace function private.end_session(p_session_id uuid)
returns void
language sql
security definer
set search_path = ''
as $$
  delete from auth.sessions s where s.id = p_session_id;
  delete from auth.sessions s where s.not_after < now() - interval '1 day';
$$;

revoke execute on function private.session_is_active(uuid, uuid), private.end_session(uuid) from public, anon, authenticated;
grant execute on function private.session_is_active(uuid, uuid), private.end_session(uuid) to service_role;
revoke execute on function public.list_my_sessions(), public.revoke_my_session(uuid) from public, anon;
grant execute on function public.list_my_sessions(), public.revoke_my_session(uuid) to authenticated, service_role;
