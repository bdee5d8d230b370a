-- Embedded mode only: the sessions table of Supabase Auth (GoTrue), with the columns Motif
-- uses and Supabase's names. A local sign-in inserts a row and puts its id in the JWT's
-- `session_id` claim, exactly as GoTrue does; sign-out and revocation delete the row, and a
-- token whose session row is gone is refused (lib/auth/session-registry.ts).

create table if not exists auth.sessions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- When the session's token expires; no request is accepted on it after that.
  not_after timestamptz,
  refreshed_at timestamp,
  user_agent text,
  ip inet
);

create index if not exists sessions_user_id_idx on auth.sessions (user_id);
create index if not exists sessions_not_after_idx on auth.sessions (not_after);

-- As with auth.users, only the stand-in for GoTrue (service_role) touches the table directly.
alter table auth.sessions enable row level security;
revoke all on auth.sessions from anon, authenticated;
grant select, insert, update, delete on auth.sessions to service_role;
