// Every function's entry point hands its handler to `serveFunction`. Deployed (Supabase's
// edge runtime), each function is its own worker and this calls `Deno.serve`. Served locally
// by `motif serve` (serve-locally.ts), one Deno process holds every function and routes
// /<name>/... to it, so the same entry files run in both places.
import type { FunctionHandler } from "@/lib/edge-functions/index.ts";

/** CORS for browsers calling `supabase.functions.invoke` (the headers supabase-js sends). */
export const corsHeaders: Record<string, string> = {
  "access-control-allow-origin": "*",
  "access-control-allow-headers": "authorization, x-client-info, apikey, content-type",
  "access-control-allow-methods": "POST, OPTIONS",
};

/** The function registry the local router installs before it imports the entry files. */
export interface LocalRouter {
  register(handler: FunctionHandler): void;
}

const routerKey = Symbol.for("motif.functions.router");

/** Installs the local router (serve-locally.ts only). */
export function installLocalRouter(router: LocalRouter): void {
  (globalThis as Record<symbol, unknown>)[routerKey] = router;
}

/** Wraps a handler with CORS: preflight answered, CORS headers on every answer. */
export function withCors(handler: FunctionHandler): FunctionHandler {
  return async (request) => {
    if (request.method === "OPTIONS") return new Response(null, { status: 204, headers: corsHeaders });
    const response = await handler(request);
    const headers = new Headers(response.headers);
    for (const [name, value] of Object.entries(corsHeaders)) headers.set(name, value);
    return new Response(response.body, { status: response.status, headers });
  };
}

/** Serves one function: `Deno.serve` when deployed, the local router under `motif serve`. */
export function serveFunction(handler: FunctionHandler): void {
  const router = (globalThis as Record<symbol, unknown>)[routerKey] as LocalRouter | undefined;
  if (router) router.register(withCors(handler));
  else Deno.serve(withCors(handler));
}
