import { NextResponse, type NextRequest } from "next/server";
import { refuseCrossSiteWrite } from "@/lib/csrf";
import { getEnvironment } from "@/lib/env";

/**
 * Runs before every API route: refuses writes another site could make a signed-in browser
 * send (cross-origin, `Origin: null`, or JSON posted as text/plain). See lib/csrf.
 */
export function proxy(request: NextRequest): NextResponse | undefined {
  const refusal = refuseCrossSiteWrite(request, { allowedOrigins: getEnvironment().allowedOrigins });
  if (!refusal) return undefined;
  return NextResponse.json(
    { error: { code: refusal.code, message: refusal.message } },
    { status: refusal.status, headers: { "cache-control": "no-store" } },
  );
}

// Only the public API: the operator routes answer to the operator token alone, and their bodies
// (whole extractions) are larger than the proxy buffers (experimental.proxyClientMaxBodySize).
export const config = { matcher: ["/api/v1/:path*", "/functions/v1/:path*"] };
