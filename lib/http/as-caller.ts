import { requireCaller } from "@/lib/auth";
import { getDatabase, withUser, type JwtClaims, type Queryable } from "@/lib/db";

/**
 * Runs `fn` in one transaction as the request's caller (RLS decides what it may see and do);
 * anonymous callers get a 401 before any SQL runs.
 */
export async function asCaller<T>(
  request: Request,
  fn: (transaction: Queryable, claims: JwtClaims) => Promise<T>,
): Promise<T> {
  const claims = await requireCaller(request);
  const database = await getDatabase();
  return withUser(database, claims, (transaction) => fn(transaction, claims));
}
