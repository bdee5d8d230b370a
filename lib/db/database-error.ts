import { databaseErrorFields, MotifError, type DatabaseErrorFields, type ErrorCode } from "@/lib/errors";

/** Postgres SQLSTATEs the schema raises on purpose, and what they mean to a caller. */
const codeBySqlState: Record<string, ErrorCode> = {
  "42501": "forbidden:auth", // insufficient_privilege: RLS or an explicit permission check
  P0002: "not_found:resource", // no_data_found: raised by SQL functions for unknown references
  "23505": "conflict:resource", // unique_violation
  "23503": "conflict:resource", // foreign_key_violation: the row refers to something gone
  "22023": "bad_request:input", // invalid_parameter_value: raised by SQL functions
  "23514": "bad_request:input", // check_violation raised by a trigger (a table's own: isServerFault)
  "23502": "bad_request:input", // not_null_violation raised by a function (a column's own: isServerFault)
  "22001": "bad_request:input", // string_data_right_truncation
  "22P02": "bad_request:input", // invalid_text_representation (a malformed uuid, say)
  "22021": "bad_request:input", // character_not_in_repertoire: a NUL byte in text
  "22P05": "bad_request:input", // untranslatable_character: \u0000 inside a JSON value
  "22003": "bad_request:input", // numeric_value_out_of_range
  "22008": "bad_request:input", // datetime_field_overflow
  "22007": "bad_request:input", // invalid_datetime_format
  "54001": "too_large:input", // statement_too_complex: stack depth exceeded by deeply nested input
  P0001: "conflict:resource", // raise_exception: business rules such as "keep one admin"
};

/** SQLSTATEs whose message is written by our own SQL functions for users to read. */
const userFacingSqlStates = new Set(["P0002", "22023", "P0001", "42501", "23505", "23514"]);

/** Messages Postgres itself writes for these states: they name tables, so they stay in the log. */
const internalMessage = /row-level security|permission denied for|violates/i;

/** Overrides for the generic message of a code, for callers that know the context. */
export type DatabaseErrorMessages = Partial<Record<ErrorCode, string>>;

const genericMessages: Record<ErrorCode, string> = {
  "bad_request:input": "the request is not valid",
  "too_large:input": "the request is too large",
  "unsupported_media_type:input": "the request body's content type is not accepted",
  "forbidden:origin": "writes from another site are refused",
  "too_many_requests:auth": "too many attempts; try again later",
  "too_many_requests:streams": "too many open event streams",
  "unauthorized:auth": "sign in first",
  "forbidden:auth": "you are not allowed to do that",
  "not_found:resource": "not found",
  "conflict:resource": "that already exists",
  "unavailable:database": "the database cannot answer",
  "unavailable:embeddings": "the embedding provider cannot answer",
  "unavailable:server": "the server is shutting down",
  "unavailable:functions": "the edge functions cannot answer",
  "unavailable:auth": "the sign-in service cannot answer",
  "unavailable:llm": "no language model can answer",
  "not_configured:llm": "no language model is configured",
  "budget_exceeded:llm": "the project's LLM budget is spent",
  "internal:config": "the server is misconfigured",
  "locked:data_dir": "the data directory is in use",
  "internal:server": "something went wrong on the server",
};

/**
 * A table's own constraint (a check or NOT NULL on a column) refused a row: Motif's inputs are
 * validated before they reach SQL, so the row was built wrong on the server, not sent wrong by
 * the caller. The same SQLSTATEs raised by the schema's functions and triggers (no constraint
 * or column named) are rules a caller broke, with messages written for them.
 */
function isServerFault(fields: DatabaseErrorFields): boolean {
  return (fields.sqlState === "23514" || fields.sqlState === "23502") && Boolean(fields.constraint || fields.column);
}

/**
 * Maps a Postgres error to a MotifError: the one place that decides what each SQLSTATE means
 * to a caller. Messages the schema wrote for users are kept; other database details are not
 * passed on. The driver's error stays as the `cause` (logged by the HTTP layer, printed by the
 * CLI under MOTIF_DEBUG). Returns undefined for non-database errors.
 */
export function toMotifError(error: unknown, messages: DatabaseErrorMessages = {}): MotifError | undefined {
  if (error instanceof MotifError) return error;
  const fields = databaseErrorFields(error);
  if (!fields) return undefined;
  const { sqlState } = fields;
  const code = isServerFault(fields) ? "internal:server" : codeBySqlState[sqlState] ?? "internal:server";
  const databaseMessage = fields.message;
  const message = code === "internal:server"
    ? genericMessages[code]
    : messages[code] ?? (userFacingSqlStates.has(sqlState) && databaseMessage && !internalMessage.test(databaseMessage)
      ? databaseMessage : genericMessages[code]);
  return new MotifError(code, message, { sqlState }, { cause: error });
}

/** Runs a database call and rethrows its Postgres errors as MotifErrors with these messages. */
export async function translateDatabaseErrors<T>(call: () => Promise<T>, messages: DatabaseErrorMessages = {}): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toMotifError(error, messages) ?? error;
  }
}
