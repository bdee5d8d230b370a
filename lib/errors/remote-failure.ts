// Failures of calls to remote services (embedding and language-model providers) arrive as a
// chain of causes: SDK error → TypeError "fetch failed" → system error with a code. These read
// that chain the same way for every provider, and keep credentials out of messages.

const maxDepth = 5;

/** The system error code (`ECONNREFUSED`, `ENOTFOUND`) somewhere in an error's causes, if any. */
export function systemErrorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < maxDepth; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^E[A-Z_]+$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Whether an error, or one of its causes, is a timeout or an abort. */
export function isTimeoutError(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < maxDepth; depth++) {
    const { name, message } = current as { name?: string; message?: string };
    if (name === "TimeoutError" || name === "AbortError" || /timed? ?out|aborted/i.test(message ?? "")) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** The HTTP status a provider's SDK error carries (`status`, or Ollama's `status_code`), if any. */
export function remoteStatusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown }).status ?? (error as { status_code?: unknown }).status_code;
  return typeof status === "number" ? status : undefined;
}

/** A message with this secret, and anything shaped like an API key (`sk-…`, `key-…`), redacted. */
export function redactSecrets(text: string, secret: string | undefined): string {
  const safe = secret ? text.replaceAll(secret, "[redacted]") : text;
  return safe.replace(/\b(sk|key)-[A-Za-z0-9_*.-]{4,}/g, "$1-[redacted]");
}
