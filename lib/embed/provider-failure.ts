import { MotifError, remoteStatusOf, redactSecrets, systemErrorCode } from "@/lib/errors";

/** Where a remote embedding call went, for the error message. */
export interface ProviderTarget {
  /** "OpenAI" or "Ollama". */
  label: string;
  /** The base URL called (never carries credentials). */
  url: string;
  /** A secret that must never appear in a message (the API key). */
  secret?: string;
}

function reasonOf(error: unknown): string {
  const status = remoteStatusOf(error);
  const message = error instanceof Error ? error.message : String(error);
  const code = systemErrorCode(error);
  if (code) return `could not connect (${code})`;
  if (/timed? ?out|aborted/i.test(message) || (error as Error)?.name === "TimeoutError") return "no answer before the timeout";
  if (typeof status === "number" && !message.startsWith(String(status))) return `${status} ${message}`;
  return message;
}

/**
 * The MotifError for a failed remote embedding call:
 * "OpenAI embeddings at https://api.openai.com/v1 failed: 401 Incorrect API key provided".
 * Credentials are removed from the message, whatever the server echoed back.
 */
export function providerFailure(target: ProviderTarget, error: unknown): MotifError {
  if (error instanceof MotifError) return error;
  const reason = redactSecrets(reasonOf(error), target.secret);
  return new MotifError("unavailable:embeddings", `${target.label} embeddings at ${target.url} failed: ${reason}`);
}
