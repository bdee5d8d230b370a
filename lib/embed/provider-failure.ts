import { MotifError } from "@/lib/errors";

/** Where a remote embedding call went, for the error message. */
export interface ProviderTarget {
  /** "OpenAI" or "Ollama". */
  label: string;
  /** The base URL called (never carries credentials). */
  url: string;
  /** A secret that must never appear in a message (the API key). */
  secret?: string;
}

// Network failures arrive as a chain of causes (SDK error → TypeError "fetch failed" →
// system error with a code); the code is what tells a person what to fix.
function systemCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^E[A-Z_]+$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function reasonOf(error: unknown): string {
  const status = (error as { status?: unknown; status_code?: unknown }).status ?? (error as { status_code?: unknown }).status_code;
  const message = error instanceof Error ? error.message : String(error);
  const code = systemCode(error);
  if (code) return `could not connect (${code})`;
  if (/timed? ?out|aborted/i.test(message) || (error as Error)?.name === "TimeoutError") return "no answer before the timeout";
  if (typeof status === "number" && !message.startsWith(String(status))) return `${status} ${message}`;
  return message;
}

function redact(text: string, secret: string | undefined): string {
  let safe = secret ? text.replaceAll(secret, "[redacted]") : text;
  safe = safe.replace(/\b(sk|key)-[A-Za-z0-9_*.-]{4,}/g, "$1-[redacted]");
  return safe;
}

/**
 * The MotifError for a failed remote embedding call:
 * "OpenAI embeddings at https://api.openai.com/v1 failed: 401 Incorrect API key provided".
 * Credentials are removed from the message, whatever the server echoed back.
 */
export function providerFailure(target: ProviderTarget, error: unknown): MotifError {
  if (error instanceof MotifError) return error;
  const reason = redact(reasonOf(error), target.secret);
  return new MotifError("unavailable:embeddings", `${target.label} embeddings at ${target.url} failed: ${reason}`);
}
