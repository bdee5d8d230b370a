/** Stable error codes: "<type>:<surface>". Each maps to one HTTP status in `statusForCode`. */
export type ErrorCode =
  | "bad_request:input"
  | "too_large:input"
  | "unsupported_media_type:input"
  | "unauthorized:auth"
  | "forbidden:auth"
  | "forbidden:origin"
  | "too_many_requests:auth"
  | "too_many_requests:streams"
  | "not_found:resource"
  | "conflict:resource"
  | "unavailable:database"
  | "unavailable:embeddings"
  | "unavailable:server"
  | "unavailable:functions"
  | "unavailable:auth"
  | "unavailable:llm"
  | "not_configured:llm"
  | "budget_exceeded:llm"
  | "internal:config"
  | "locked:data_dir"
  | "internal:server";

const statusByType: Record<string, number> = {
  bad_request: 400,
  too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  // The server is set up without what the request needs (no LLM provider): the request cannot
  // succeed until an operator configures it, which is the server's state, not an outage.
  not_configured: 409,
  // A project's LLM budget is spent: what Payment Required is for.
  budget_exceeded: 402,
  locked: 423,
  unavailable: 503,
  internal: 500,
};

/** The HTTP status for an error code, decided in this one place. */
export function statusForCode(code: ErrorCode): number {
  return statusByType[code.split(":")[0]] ?? 500;
}

/** The one application error type: a stable code and a message safe to show the user. */
export class MotifError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;

  /**
   * `options.cause`: the error this one stands for (a driver's error, say), kept for the log and
   * for `MOTIF_DEBUG`; never shown to a caller.
   */
  constructor(code: ErrorCode, message: string, details?: unknown, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "MotifError";
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return statusForCode(this.code);
  }
}
