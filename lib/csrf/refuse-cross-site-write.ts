/** Methods that change state; GET, HEAD and OPTIONS must not, so they are never refused here. */
const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Headers a browser only sends across origins after a CORS preflight (which this server never
 * approves): a request carrying one was not forged by another site's page. `Authorization`
 * carries Bearer tokens and API keys; GitHub signs its webhook deliveries (which may be
 * form-encoded) with `X-Hub-Signature-256`.
 */
const preflightedHeaders = ["authorization", "x-hub-signature-256"];

/** What the server answers, decided here so that the proxy only forwards it. */
export interface CrossSiteRefusal {
  status: 403 | 415;
  code: "forbidden:origin" | "unsupported_media_type:input";
  message: string;
}

/** Options of `refuseCrossSiteWrite`: origins other than the server's own that may write. */
export interface CrossSiteOptions {
  allowedOrigins?: readonly string[];
}

/** The host (and port) the client addressed, as Next.js reads it for Server Actions. */
function addressedHost(headers: Headers): string | undefined {
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return forwarded || headers.get("host") || undefined;
}

function originHost(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

function isAllowedOrigin(origin: string, headers: Headers, options: CrossSiteOptions): boolean {
  if (options.allowedOrigins?.includes(origin)) return true;
  const host = originHost(origin);
  return host !== undefined && host === addressedHost(headers);
}

/** True when the request carries a body (a declared length above zero, or a chunked one). */
function hasBody(headers: Headers): boolean {
  const length = headers.get("content-length");
  if (length !== null) return Number(length) > 0;
  return headers.has("transfer-encoding");
}

function isJson(contentType: string | null): boolean {
  const mediaType = contentType?.split(";")[0]?.trim().toLowerCase() ?? "";
  return mediaType === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType);
}

/**
 * Decides whether a write that a browser could have sent on another site's behalf must be
 * refused. A request carrying `Authorization` (a Bearer token or an API key) is not: browsers
 * never add that header across sites by themselves. Any other write (cookie-authenticated, or
 * anonymous such as sign-in) is refused when its `Origin` is another site or `null`, or, when
 * it has no `Origin`, when `Sec-Fetch-Site` says a browser sent it from another site; and its
 * body must be declared JSON, since `text/plain` JSON is what a form or a no-cors fetch sends
 * without a preflight. Returns undefined when the request may go on.
 */
export function refuseCrossSiteWrite(request: Request, options: CrossSiteOptions = {}): CrossSiteRefusal | undefined {
  if (!unsafeMethods.has(request.method.toUpperCase())) return undefined;
  const headers = request.headers;
  if (preflightedHeaders.some((name) => headers.has(name))) return undefined;
  const origin = headers.get("origin");
  if (origin !== null && !isAllowedOrigin(origin, headers, options)) {
    const shown = origin.length > 100 ? `${origin.slice(0, 100)}…` : origin;
    return { status: 403, code: "forbidden:origin", message: `writes from origin ${shown} are refused: only this server's own pages may write with its cookies` };
  }
  const fetchSite = headers.get("sec-fetch-site");
  if (origin === null && fetchSite !== null && fetchSite !== "same-origin" && fetchSite !== "none") {
    return { status: 403, code: "forbidden:origin", message: `a ${fetchSite} write is refused: only this server's own pages may write with its cookies` };
  }
  if (hasBody(headers) && !isJson(headers.get("content-type"))) {
    return { status: 415, code: "unsupported_media_type:input", message: "the request body must be sent as content-type: application/json" };
  }
  return undefined;
}
