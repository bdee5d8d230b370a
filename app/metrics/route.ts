import { asService, getDatabase, getOperationalStats } from "@/lib/db";
import { routeHandler } from "@/lib/http";
import { metricsResponse, requireMetricsToken } from "@/lib/metrics";
import { countOpenEventStreams } from "@/lib/realtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /metrics: Prometheus metrics of this process and its database (metrics token only). */
export const GET = routeHandler(async (request) => {
  requireMetricsToken(request);
  const stats = await asService(await getDatabase(), (transaction) => getOperationalStats({ transaction }));
  return metricsResponse({ ...stats, feedSubscribers: countOpenEventStreams() });
});
