import { getDatabase, type Database } from "@/lib/db";
import type { HealthCheck, HealthReport, HealthStatus } from "@/lib/domain";
import type { EmbeddingProvider } from "@/lib/embed";
import { getEnvironment } from "@/lib/env";
import { checkAccuracy, checkDatabase, checkEmbedder, checkJobQueue } from "./health-checks";
import { llmProviderProbes } from "./llm-provider-checks";
import { probeWithTimeout } from "./probe-with-timeout";

const rank: Record<HealthStatus, number> = { ok: 0, degraded: 1, down: 2 };
const probeTimeoutMs = 3_000;

/**
 * Checks every part Motif needs: the database and its migrations, the embedding provider, the
 * job queue's lag, detector accuracy and (when configured) the LLM providers. The report is
 * degraded when any part is not ok; a database that cannot answer throws (the caller says down).
 */
export async function checkHealth(options: { database?: Database; embedder: EmbeddingProvider }): Promise<HealthReport> {
  const database = options.database ?? (await getDatabase());
  const embedder = options.embedder;
  const environment = getEnvironment();
  const { database: databaseCheck, migrations } = await checkDatabase(database);
  const probes: Record<string, () => Promise<HealthCheck>> = {
    embedder: () => checkEmbedder(embedder),
    job_queue: () => checkJobQueue(database),
    accuracy: () => checkAccuracy(database),
  };
  const llm = llmProviderProbes(environment);
  for (const [name, probe] of Object.entries(llm)) probes[`llm_${name}`] = probe;
  const checks: Record<string, HealthCheck> = { database: databaseCheck, migrations };
  for (const [name, probe] of Object.entries(probes)) checks[name] = await probeWithTimeout(probe, probeTimeoutMs);
  // An LLM provider that is down degrades Motif (ingest and matching work without one); the rest is down.
  for (const name of Object.keys(llm)) if (checks[`llm_${name}`].status === "down") checks[`llm_${name}`].status = "degraded";
  const worst = Object.values(checks).reduce<HealthStatus>((found, check) => (rank[check.status] > rank[found] ? check.status : found), "ok");
  // Only a database that cannot answer takes Motif down: without an embedder the dashboard,
  // the feed and the API's reads still work, so that is degraded.
  return { status: worst === "down" ? "degraded" : worst, mode: environment.mode, checks };
}
