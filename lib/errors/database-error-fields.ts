/** The SQLSTATE of a driver error (PGlite and postgres.js both expose it as `code`). */
export function sqlStateOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** What Postgres says about an error beside its message: which constraint, table and column. */
export interface DatabaseErrorFields {
  sqlState: string;
  message: string;
  constraint?: string;
  table?: string;
  column?: string;
}

const text = (value: unknown) => (typeof value === "string" && value ? value : undefined);

/**
 * The fields of a driver error, whichever driver raised it (PGlite names them `constraint`,
 * `table`, `schema`; postgres.js `constraint_name`, `table_name`, `schema_name`); undefined for
 * anything that is not a database error.
 */
export function databaseErrorFields(error: unknown): DatabaseErrorFields | undefined {
  const sqlState = sqlStateOf(error);
  if (!sqlState) return undefined;
  const raw = error as Record<string, unknown>;
  const schema = text(raw.schema_name) ?? text(raw.schema);
  const table = text(raw.table_name) ?? text(raw.table);
  return {
    sqlState,
    message: text(raw.message) ?? "",
    constraint: text(raw.constraint_name) ?? text(raw.constraint),
    table: table && schema ? `${schema}.${table}` : table,
    column: text(raw.column_name) ?? text(raw.column),
  };
}

/**
 * One log line's worth about a database error: SQLSTATE, constraint, table, column, message
 * (`SQLSTATE 23514, constraint pattern_events_event_data_check on public.pattern_events: new row …`).
 */
export function describeDatabaseError(error: unknown): string | undefined {
  const fields = databaseErrorFields(error);
  if (!fields) return undefined;
  const where = [
    fields.constraint && `constraint ${fields.constraint}`,
    fields.table && `on ${fields.table}`,
    fields.column && `column ${fields.column}`,
  ].filter(Boolean).join(" ");
  return `SQLSTATE ${fields.sqlState}${where ? `, ${where}` : ""}: ${fields.message}`;
}

/**
 * What an error stands on, for a log line or `MOTIF_DEBUG`: each `cause` in turn, a database
 * error described by describeDatabaseError, anything else by its message.
 */
export function describeErrorCause(error: unknown): string | undefined {
  const lines: string[] = [];
  let cause = (error as { cause?: unknown } | null)?.cause;
  for (let depth = 0; cause !== undefined && depth < 5; depth += 1) {
    lines.push(describeDatabaseError(cause) ?? (cause instanceof Error ? cause.message : String(cause)));
    cause = (cause as { cause?: unknown } | null)?.cause;
  }
  return lines.length ? lines.join("; caused by ") : undefined;
}
