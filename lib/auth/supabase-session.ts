import { getEnvironment } from "@/lib/env";
import { MotifError } from "@/lib/errors";
import { readRequestCookies, serializeCookie, type CookieOptions } from "./session-cookie";

// Loaded on first use: only Supabase mode needs supabase-js.
const loadSupabaseSsr = () => import("@supabase/ssr");

const authCookie = /^(sb-.+-auth-token)(\.\d+)?$/;

/**
 * supabase-js builds its realtime client with every client, and on a runtime without a global
 * WebSocket (Node 20) that throws before any auth call is made. A server client never
 * subscribes; there it gets the `ws` implementation, which Supabase names for Node below 22.
 */
async function realtimeOptions() {
  if (typeof globalThis.WebSocket !== "undefined") return undefined;
  const { WebSocket } = await import("ws");
  return { transport: WebSocket as unknown as typeof globalThis.WebSocket };
}

/**
 * A Supabase client bound to one request's cookies (Supabase mode). Cookies it wants to set
 * (a new or refreshed session) are collected in `setCookies` for the response to carry.
 */
export async function createSupabaseRequestClient(request: Request) {
  const { createServerClient } = await loadSupabaseSsr();
  const environment = getEnvironment();
  if (!environment.SUPABASE_URL || !environment.SUPABASE_ANON_KEY) {
    throw new MotifError("internal:server", "SUPABASE_URL and SUPABASE_ANON_KEY must be set in Supabase mode");
  }
  const setCookies: string[] = [];
  const client = createServerClient(environment.SUPABASE_URL, environment.SUPABASE_ANON_KEY, {
    realtime: await realtimeOptions(),
    cookies: {
      getAll: () => readRequestCookies(request),
      setAll: (cookies) => {
        for (const { name, value, options } of cookies) {
          setCookies.push(serializeCookie(name, value, options as CookieOptions));
        }
      },
    },
  });
  return { client, setCookies };
}

/**
 * The access token in a request's Supabase session cookie (`sb-<ref>-auth-token`, possibly
 * split into chunks), read without refreshing it: refreshing rotates the refresh token, which
 * only a response that can set cookies may do (GET /api/v1/auth/session does).
 */
export async function readSupabaseAccessToken(request: Request): Promise<string | undefined> {
  const cookies = readRequestCookies(request);
  const key = cookies.map((cookie) => authCookie.exec(cookie.name)?.[1]).find(Boolean);
  if (!key) return undefined;
  const { combineChunks, stringFromBase64URL } = await loadSupabaseSsr();
  const raw = await combineChunks(key, (name) => cookies.find((cookie) => cookie.name === name)?.value);
  try {
    const json = raw?.startsWith("base64-") ? stringFromBase64URL(raw.slice("base64-".length)) : raw;
    const token = (JSON.parse(json ?? "null") as { access_token?: unknown } | null)?.access_token;
    if (typeof token === "string" && token) return token;
  } catch {
    // Falls through to the error below: a credential was presented and cannot be read.
  }
  throw new MotifError("unauthorized:auth", "the Supabase session cookie cannot be read; sign in again");
}
