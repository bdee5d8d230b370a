import { parseCookieHeader, serializeCookieHeader } from "@supabase/ssr";

/** The embedded mode's session cookie. */
export const sessionCookieName = "motif-session";

/** True when the request reached us over https (directly or through a proxy that says so). */
export function isSecureRequest(request: Request): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return (forwarded ?? new URL(request.url).protocol.replace(":", "")) === "https";
}

/** The cookies a request carries, by name. */
export function readRequestCookies(request: Request): { name: string; value: string }[] {
  return parseCookieHeader(request.headers.get("cookie") ?? "").map(({ name, value }) => ({ name, value: value ?? "" }));
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
  return serializeCookieHeader(sessionCookieName, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: isSecureRequest(request),
    path: "/",
    maxAge: maxAgeSeconds,
  });
}

/** A `Set-Cookie` value that removes the session cookie. */
export function clearedSessionCookieHeader(request: Request): string {
  return serializeCookieHeader(sessionCookieName, "", {
    httpOnly: true,
    sameSite: "lax",
    secure: isSecureRequest(request),
    path: "/",
    maxAge: 0,
  });
}
