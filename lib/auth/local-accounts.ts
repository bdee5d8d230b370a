import { asService, createLocalUser, getLocalUserByEmail, recordSignInByUserId, type Database } from "@/lib/db";
import { MotifError } from "@/lib/errors";
import type { SessionUser } from "./access-token";
import { getDecoyPasswordHash, hashPassword, verifyPassword } from "./password-hash";

/** The one message for both an unknown email and a wrong password: never say which. */
export const invalidCredentialsMessage = "email or password is incorrect";

/** Creates a local account (embedded mode). A taken email is a 409. */
export async function signUpLocalUser({
  database,
  email,
  password,
}: {
  database: Database;
  email: string;
  password: string;
}): Promise<SessionUser> {
  const passwordHash = await hashPassword(password);
  const user = await asService(database, (transaction) =>
    createLocalUser({ transaction, email: email.trim().toLowerCase(), passwordHash }),
  );
  return { id: user.id, email: user.email };
}

/** Checks a local account's password (embedded mode). Wrong password or unknown email: 401. */
export async function signInLocalUser({
  database,
  email,
  password,
}: {
  database: Database;
  email: string;
  password: string;
}): Promise<SessionUser> {
  const user = await asService(database, (transaction) => getLocalUserByEmail({ transaction, email: email.trim() }));
  // An unknown email still pays for one scrypt, so timing does not reveal which emails exist.
  const valid = await verifyPassword(password, user?.encrypted_password ?? (await getDecoyPasswordHash()));
  if (!user || !valid) throw new MotifError("unauthorized:auth", invalidCredentialsMessage);
  await asService(database, (transaction) => recordSignInByUserId({ transaction, userId: user.id }));
  return { id: user.id, email: user.email };
}
