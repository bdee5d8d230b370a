/** An error answer from Motif's API, carrying its message for the user. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
  }
}

/**
 * Calls Motif's JSON API from the browser (the session cookie goes along). An error answer
 * `{error: {code, message}}` becomes an ApiError whose message the UI shows as is.
 */
export async function apiFetch<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(path, {
    method: init.method ?? "GET",
    headers: init.body === undefined ? undefined : { "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    credentials: "same-origin",
  });
  const body = (await response.json().catch(() => undefined)) as { error?: { code: string; message: string } } | undefined;
  if (!response.ok) {
    throw new ApiError(response.status, body?.error?.code ?? "internal:server", body?.error?.message ?? response.statusText);
  }
  return body as T;
}
