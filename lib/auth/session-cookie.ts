// Cookies are parsed and written here rather than with @supabase/ssr's helpers: importing that
// package loads supabase-js, which embedded mode does not otherwise need.

/** The embedded mode's session cookie. */
export const sessionCookieName = "motif-session";

/** True when the request reached us over https (directly or through a proxy that says so). */
export function isSecureRequest(request: Request): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return (forwarded ?? new URL(request.url).protocol.replace(":", "")) === "https";
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The cookies a request carries, in order. */
export function readRequestCookies(request: Request): { name: string; value: string }[] {
  const header = request.headers.get("cookie") ?? "";
  return header.split(";").flatMap((pair) => {
    const separator = pair.indexOf("=");
    if (separator < 0) return [];
    const value = pair.slice(separator + 1).trim().replace(/^"(.*)"$/, "$1");
    return [{ name: pair.slice(0, separator).trim(), value: decode(value) }];
  });
}

/** Options of a `Set-Cookie` value, named as the cookie specification names them. */
export interface CookieOptions {
  maxAge?: number;
  path?: string;
  domain?: string;
  httpOnly?: boolean;
  secure?: boolean;
  sameSite?: "lax" | "strict" | "none" | boolean;
  expires?: Date;
}

/** Writes one `Set-Cookie` value. */
export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  const parts = [`${name}=${encodeURIComponent(value)}`];
  if (options.maxAge !== undefined) parts.push(`Max-Age=${Math.floor(options.maxAge)}`);
  if (options.domain) parts.push(`Domain=${options.domain}`);
  if (options.path) parts.push(`Path=${options.path}`);
  if (options.expires) parts.push(`Expires=${options.expires.toUTCString()}`);
  if (options.httpOnly) parts.push("HttpOnly");
  if (options.secure) parts.push("Secure");
  const sameSite = options.sameSite === true ? "strict" : options.sameSite;
  if (sameSite) parts.push(`SameSite=${sameSite[0].toUpperCase()}${sameSite.slice(1)}`);
  return parts.join("; ");
}

/** The session token in the request's cookie, if any. */
export function readSessionCookie(request: Request): string | undefined {
  return readRequestCookies(request).find((cookie) => cookie.name === sessionCookieName)?.value || undefined;
}

/**
 * A `Set-Cookie` value for the session: httpOnly (scripts cannot read it), SameSite=Lax
 * (not sent on cross-site posts), Secure over https, expiring with the token.
 */
export function sessionCookieHeader(request: Request, token: string, maxAgeSeconds: number): string {
  return serializeCookie(sessionCookieName, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: isSecureRequest(request),
    path: "/",
    maxAge: maxAgeSeconds,
  });
}

/** A `Set-Cookie` value that removes the session cookie. */
export function clearedSessionCookieHeader(request: Request): string {
  return serializeCookie(sessionCookieName, "", {
    httpOnly: true,
    sameSite: "lax",
    secure: isSecureRequest(request),
    path: "/",
    maxAge: 0,
  });
}
