import type { Queryable } from "./database";

/**
 * Settings made for one transaction only, before its first statement, as Supabase's API layer
 * makes them for a request: `role` and `request.jwt.claims` (`set_config(name, value, true)`).
 */
export type TransactionSettings = Readonly<Record<string, string>>;

const settingName = /^[a-z_][a-z0-9_.]*$/;

function names(settings: TransactionSettings): string[] {
  const all = Object.keys(settings);
  const bad = all.find((name) => !settingName.test(name));
  if (bad !== undefined) throw new Error(`a transaction setting needs a plain name, got ${JSON.stringify(bad)}`);
  return all;
}

/** Makes the settings with one parameterised statement on `transaction` (drivers that run statements in turn). */
export async function applyTransactionSettings(transaction: Pick<Queryable, "query">, settings: TransactionSettings): Promise<void> {
  const all = names(settings);
  const calls = all.map((_, index) => `pg_catalog.set_config($${index * 2 + 1}, $${index * 2 + 2}, true)`);
  await transaction.query(`select ${calls.join(", ")}`, all.flatMap((name) => [name, settings[name]]));
}

// A string constant as libpq's PQescapeLiteral writes one: quotes doubled, and when there is a
// backslash, an E'' string with backslashes doubled (right whatever standard_conforming_strings is).
function literal(text: string): string {
  if (text.includes("\0")) throw new Error("a transaction setting cannot hold a NUL character");
  const quoted = text.replaceAll("'", "''");
  return text.includes("\\") ? ` E'${quoted.replaceAll("\\", "\\\\")}'` : `'${quoted}'`;
}

/**
 * BEGIN and the settings as one statement text without parameters, for the simple query
 * protocol: Postgres runs it whole (or stops at its first error) before anything sent after
 * it, so it can be pipelined ahead of a transaction's first statement without a round trip.
 */
export function beginWithSettings(settings: TransactionSettings | undefined): string {
  const all = settings ? names(settings) : [];
  if (all.length === 0) return "begin";
  return `begin; select ${all.map((name) => `pg_catalog.set_config('${name}', ${literal(settings![name])}, true)`).join(", ")}`;
}
