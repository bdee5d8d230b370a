import { asService, withUser, type Database, type JwtClaims, type Queryable } from "@/lib/db";

/** Who runs a statement: a request's claims, or trusted background work. */
export type Caller = JwtClaims | "service_role";

/** What a statement did: its rows, or the SQLSTATE and message it failed with. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

const rollback = new Error("roll back the probe");

/**
 * Runs `fn` as the caller inside one transaction and always rolls it back, so that one
 * fixture serves every probe of a test file. A database error is caught and returned.
 */
export async function probeAs<T>(database: Database, caller: Caller, fn: (transaction: Queryable) => Promise<T>) {
  let outcome: Outcome<T> | undefined;
  const probe = async (transaction: Queryable) => {
    try {
      outcome = { ok: true, value: await fn(transaction) };
    } catch (error) {
      const { code, message } = error as { code?: string; message: string };
      if (typeof code !== "string") throw error;
      outcome = { ok: false, code, message };
    }
    throw rollback;
  };
  try {
    await (caller === "service_role" ? asService(database, probe) : withUser(database, caller, probe));
  } catch (error) {
    if (error !== rollback) throw error;
  }
  return outcome as Outcome<T>;
}

/** Runs `fn` as the caller and commits it; for building fixtures. */
export function commitAs<T>(database: Database, caller: Caller, fn: (transaction: Queryable) => Promise<T>) {
  return caller === "service_role" ? asService(database, fn) : withUser(database, caller, fn);
}

/** The claims of a signed-in user. */
export function userClaims(userId: string): JwtClaims {
  return { role: "authenticated", sub: userId, aud: "authenticated" };
}

/** The claims the server gives a request made with a project API key. */
export function apiKeyClaims(keyId: string): JwtClaims {
  return { role: "authenticated", sub: keyId, api_key_id: keyId };
}
