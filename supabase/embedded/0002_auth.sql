-- Embedded mode only: the part of Supabase Auth's `auth` schema that the migrations and the
-- local accounts use. Column names are Supabase's, so the same SQL runs against both.

create schema if not exists auth;
grant usage on schema auth to anon, authenticated, service_role;

create table if not exists auth.users (
  id uuid primary key default gen_random_uuid(),
  email text unique,
  encrypted_password text,
  email_confirmed_at timestamptz,
  raw_app_meta_data jsonb not null default '{}'::jsonb,
  raw_user_meta_data jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  last_sign_in_at timestamptz
);

-- Local sign-in looks accounts up case-insensitively; one account per address in any case.
create unique index if not exists users_email_lower_key on auth.users (lower(email));

-- In Supabase, GoTrue owns this table and no API role may read it. Here the local accounts
-- (running as service_role) stand in for GoTrue; anon and authenticated get nothing.
alter table auth.users enable row level security;
revoke all on auth.users from anon, authenticated;
grant select, insert, update, delete on auth.users to service_role;

-- The request's identity, defined exactly as Supabase defines them: from the JWT claims the
-- API layer puts in `request.jwt.claims` (or, in older versions, `request.jwt.claim.*`).
create or replace function auth.uid()
returns uuid
language sql
stable
as $$
  select
  coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
  )::uuid
$$;

create or replace function auth.role()
returns text
language sql
stable
as $$
  select
  coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
  )::text
$$;

create or replace function auth.email()
returns text
language sql
stable
as $$
  select
  coalesce(
    nullif(current_setting('request.jwt.claim.email', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email')
  )::text
$$;

create or replace function auth.jwt()
returns jsonb
language sql
stable
as $$
  select
    coalesce(
        nullif(current_setting('request.jwt.claim', true), ''),
        nullif(current_setting('request.jwt.claims', true), '')
    )::jsonb
$$;

grant execute on function auth.uid(), auth.role(), auth.email(), auth.jwt() to anon, authenticated, service_role;
