/**
 * Waits for both promises to settle, then answers `second`'s value, or the first failure in
 * the order given. Used where statements are pipelined on one connection: the call must not
 * return (and the connection must not be released) while a statement is still running, and
 * the error that counts is the earliest one (a failed BEGIN or claims statement makes every
 * later statement fail with "current transaction is aborted").
 */
export async function settleInOrder<T>(first: Promise<unknown>, second: Promise<T>): Promise<T> {
  const [before, after] = await Promise.allSettled([first, second]);
  if (before.status === "rejected") throw before.reason;
  if (after.status === "rejected") throw after.reason;
  return after.value;
}
