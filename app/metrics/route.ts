import { routeHandler } from "@/lib/http";
import { readOperationalStats } from "@/lib/health";
import { metricsResponse, requireMetricsToken } from "@/lib/metrics";
import { countOpenEventStreams } from "@/lib/realtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /metrics: Prometheus metrics of this process and its database (metrics token only). */
export const GET = routeHandler(async (request) => {
  requireMetricsToken(request);
  const stats = await readOperationalStats();
  return metricsResponse({ ...stats, feedSubscribers: countOpenEventStreams() });
});
