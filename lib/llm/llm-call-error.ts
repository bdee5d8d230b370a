/** Why a call failed, as the router needs to know it: whether to try again, and when. */
export class LlmCallError extends Error {
  /** HTTP status the provider answered, if it answered. */
  readonly status?: number;
  /** Worth another attempt on the same provider (429, 5xx, timeouts, dropped connections). */
  readonly retryable: boolean;
  /** What the provider's `retry-after` (or `retry-after-ms`) header asked for, in milliseconds. */
  readonly retryAfterMs?: number;
  /** Tokens the provider counted before the failure (a malformed answer still cost its tokens). */
  readonly usage?: { inputTokens: number; outputTokens: number };
  /** The model that answered, when one did. */
  readonly model?: string;

  constructor(
    message: string,
    options: { status?: number; retryable: boolean; retryAfterMs?: number; usage?: { inputTokens: number; outputTokens: number }; model?: string; cause?: unknown },
  ) {
    super(message, { cause: options.cause });
    this.name = "LlmCallError";
    this.status = options.status;
    this.retryable = options.retryable;
    this.retryAfterMs = options.retryAfterMs;
    this.usage = options.usage;
    this.model = options.model;
  }
}
