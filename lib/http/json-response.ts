import { MotifError, statusForCode } from "@/lib/errors";

/** A JSON response, with any `Set-Cookie` values given. */
export function jsonResponse(body: unknown, init: { status?: number; setCookies?: string[] } = {}): Response {
  const headers = new Headers({ "content-type": "application/json", "cache-control": "no-store" });
  for (const cookie of init.setCookies ?? []) headers.append("set-cookie", cookie);
  return new Response(JSON.stringify(body), { status: init.status ?? 200, headers });
}

/** The error response `{error: {code, message}}`, with the status its code maps to. */
export function errorResponse(error: MotifError): Response {
  const headers: Record<string, string> = {};
  // RFC 9110: a 401 names how to authenticate.
  if (error.status === 401) headers["www-authenticate"] = 'Bearer realm="motif"';
  // RFC 6585: a 429 says when to come back.
  const retryAfter = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  if (error.status === 429 && typeof retryAfter === "number") headers["retry-after"] = String(retryAfter);
  return new Response(JSON.stringify({ error: { code: error.code, message: error.message } }), {
    status: statusForCode(error.code),
    headers: { "content-type": "application/json", "cache-control": "no-store", ...headers },
  });
}
