import { isTimeoutError, redactSecrets, remoteStatusOf, systemErrorCode } from "@/lib/errors";
import { LlmCallError } from "./llm-call-error";

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

/**
 * An SDK's error as an {@link LlmCallError}: status and retry-after from the response when
 * there was one; 408, 409, 429, 5xx, timeouts and connection failures are worth retrying.
 * Credentials never reach the message.
 */
export function classifyProviderError(error: unknown, target: { label: string; baseUrl: string; secret?: string }): LlmCallError {
  if (error instanceof LlmCallError) return error;
  const headers = (error as { headers?: unknown }).headers;
  const code = systemErrorCode(error);
  const numericStatus = remoteStatusOf(error);
  let reason: string;
  if (numericStatus === undefined && isTimeoutError(error)) reason = "no answer before the timeout";
  else if (numericStatus === undefined && code) reason = `could not connect (${code})`;
  else reason = error instanceof Error ? error.message : String(error);
  if (numericStatus !== undefined && !reason.startsWith(String(numericStatus))) reason = `${numericStatus} ${reason}`;
  const retryable = numericStatus === undefined ? true : numericStatus === 408 || numericStatus === 409 || numericStatus === 429 || numericStatus >= 500;
  return new LlmCallError(redactSecrets(`${target.label} at ${target.baseUrl}: ${reason}`, target.secret), {
    status: numericStatus,
    retryable,
    retryAfterMs: headers instanceof Headers ? retryAfterFrom(headers) : undefined,
    cause: error,
  });
}
