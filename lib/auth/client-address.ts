import { getEnvironment } from "@/lib/env";

/**
 * The header `motif serve` sets on every request from the socket's peer address (overwriting
 * any a client sent), so that rate limits key on an address no client can choose.
 */
export const clientAddressHeader = "x-motif-client-address";

/**
 * The caller's network address: the first X-Forwarded-For hop when MOTIF_TRUST_PROXY=true (a
 * reverse proxy in front sets it), else the peer address `motif serve` recorded. "unknown"
 * when neither is there (route handlers called in tests, `next dev`): such callers share one
 * address budget.
 */
export function clientAddressOf(request: Request): string {
  if (getEnvironment().trustProxy) {
    const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  return request.headers.get(clientAddressHeader)?.trim() || "unknown";
}
