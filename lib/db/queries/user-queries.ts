import type { Queryable } from "../database";
import { translateDatabaseErrors } from "../database-error";

/** A local account (embedded mode), with the stored password hash. */
export interface LocalUser {
  id: string;
  email: string;
  encrypted_password: string | null;
}

/**
 * Inserts a local account into `auth.users` (embedded mode; run as service_role). The email
 * is already normalised by the caller; a taken email is a conflict.
 */
export async function createLocalUser({
  transaction,
  email,
  passwordHash,
}: {
  transaction: Queryable;
  email: string;
  passwordHash: string;
}): Promise<LocalUser> {
  const [user] = await translateDatabaseErrors(
    () =>
      transaction.query<LocalUser>(
        `insert into auth.users (email, encrypted_password, email_confirmed_at, raw_app_meta_data, raw_user_meta_data,
                                 created_at, updated_at, last_sign_in_at)
         values ($1, $2, now(), '{"provider":"email","providers":["email"]}'::jsonb, '{}'::jsonb, now(), now(), now())
         returning id, email, encrypted_password`,
        [email, passwordHash],
      ),
    { "conflict:resource": "an account with this email already exists" },
  );
  return user;
}

/** The local account with this email (case-insensitive), if any; run as service_role. */
export async function getLocalUserByEmail({
  transaction,
  email,
}: {
  transaction: Queryable;
  email: string;
}): Promise<LocalUser | undefined> {
  const [user] = await transaction.query<LocalUser>(
    `select id, email, encrypted_password from auth.users where lower(email) = lower($1) limit 1`,
    [email],
  );
  return user;
}

/** Records a successful sign-in, as Supabase Auth does; run as service_role. */
export async function recordSignInByUserId({ transaction, userId }: { transaction: Queryable; userId: string }) {
  await transaction.query(`update auth.users set last_sign_in_at = now(), updated_at = now() where id = $1`, [userId]);
}
