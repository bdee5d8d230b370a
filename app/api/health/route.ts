import { getEnvironment } from "@/lib/env";
import { checkHealth } from "@/lib/health";
import { isOperatorCaller } from "@/lib/metrics";
import { patternEmbeddingProvider } from "@/lib/patterns";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * GET /api/health: `{status: "up"}` (200) or `{status: "down"}` (503, the database cannot answer)
 * for anyone (load balancers, uptime checks). An operator (MOTIF_METRICS_TOKEN or the operator
 * token) gets every check: database, migrations, embedder, job queue lag, detector accuracy and
 * the LLM providers that are configured, with the overall status ok or degraded.
 */
export async function GET(request: Request): Promise<Response> {
  const detailed = isOperatorCaller(request);
  const headers = { "cache-control": "no-store" };
  try {
    const report = await checkHealth({ embedder: patternEmbeddingProvider() });
    return Response.json(detailed ? report : { status: "up" }, { headers });
  } catch (error) {
    console.error("health check failed", error);
    const body = detailed
      ? { status: "down", mode: getEnvironment().mode, checks: { database: { status: "down", message: "the database cannot answer" } } }
      : { status: "down" };
    return Response.json(body, { status: 503, headers });
  }
}
