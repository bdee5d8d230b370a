import type { OperationalStats } from "@/lib/domain";
import { metricsRegistry } from "./metrics-registry";
import { motifMetrics } from "./motif-metrics";

const jobStatuses = ["queued", "running", "succeeded", "failed", "cancelled"];

/**
 * The registry in Prometheus' text format, with the gauges that are read at scrape time (job
 * queue, lock waits, feed subscribers) set from `stats` first.
 */
export async function metricsResponse(stats: OperationalStats & { feedSubscribers: number }): Promise<Response> {
  const depth = motifMetrics.jobQueueDepth();
  for (const status of new Set([...jobStatuses, ...Object.keys(stats.jobsByStatus)])) depth.set({ status }, stats.jobsByStatus[status] ?? 0);
  motifMetrics.jobQueueAge().set(stats.oldestQueuedSeconds);
  motifMetrics.databaseLockWaits().set(stats.lockWaits);
  motifMetrics.feedSubscribers().set(stats.feedSubscribers);
  const registry = metricsRegistry();
  return new Response(await registry.metrics(), { status: 200, headers: { "content-type": registry.contentType, "cache-control": "no-store" } });
}
