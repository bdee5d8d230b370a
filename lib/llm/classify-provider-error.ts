import { LlmCallError } from "./llm-call-error";

// Network failures arrive as a chain of causes (SDK error → TypeError "fetch failed" → system error).
function systemCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^E[A-Z_]+$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function isTimeout(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const { name, message } = current as { name?: string; message?: string };
    if (name === "TimeoutError" || name === "AbortError" || /timed? ?out|aborted/i.test(message ?? "")) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** Reads `retry-after-ms`, then `retry-after` (seconds or an HTTP date), as milliseconds. */
export function retryAfterFrom(headers: Headers | undefined, now = Date.now()): number | undefined {
  const milliseconds = Number(headers?.get("retry-after-ms") ?? Number.NaN);
  if (Number.isFinite(milliseconds) && milliseconds >= 0) return milliseconds;
  const value = headers?.get("retry-after");
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

function redact(text: string, secret: string | undefined): string {
  const safe = secret ? text.replaceAll(secret, "[redacted]") : text;
  return safe.replace(/\b(sk|key)-[A-Za-z0-9_*.-]{4,}/g, "$1-[redacted]");
}

/**
 * An SDK's error as an {@link LlmCallError}: status and retry-after from the response when
 * there was one; 408, 409, 429, 5xx, timeouts and connection failures are worth retrying.
 * Credentials never reach the message.
 */
export function classifyProviderError(error: unknown, target: { label: string; baseUrl: string; secret?: string }): LlmCallError {
  if (error instanceof LlmCallError) return error;
  const status = (error as { status?: unknown }).status ?? (error as { status_code?: unknown }).status_code;
  const headers = (error as { headers?: unknown }).headers;
  const code = systemCode(error);
  const numericStatus = typeof status === "number" ? status : undefined;
  let reason: string;
  if (numericStatus === undefined && isTimeout(error)) reason = "no answer before the timeout";
  else if (numericStatus === undefined && code) reason = `could not connect (${code})`;
  else reason = error instanceof Error ? error.message : String(error);
  if (numericStatus !== undefined && !reason.startsWith(String(numericStatus))) reason = `${numericStatus} ${reason}`;
  const retryable = numericStatus === undefined ? true : numericStatus === 408 || numericStatus === 409 || numericStatus === 429 || numericStatus >= 500;
  return new LlmCallError(redact(`${target.label} at ${target.baseUrl}: ${reason}`, target.secret), {
    status: numericStatus,
    retryable,
    retryAfterMs: headers instanceof Headers ? retryAfterFrom(headers) : undefined,
    cause: error,
  });
}
