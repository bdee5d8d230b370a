import { getEnvironment } from "@/lib/env";
import { jsonResponse, routeHandler } from "@/lib/http";
import { getRealtimeConfig } from "@/lib/realtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * GET /api/v1/config: what a browser needs to know about this deployment before it connects:
 * the mode and the realtime transport (public values only: Supabase's anon key is public).
 */
export const GET = routeHandler(async () => {
  return jsonResponse({ mode: getEnvironment().mode, realtime: getRealtimeConfig() });
});
