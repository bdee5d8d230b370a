import type { HealthCheck } from "@/lib/domain";
import type { MotifEnvironment } from "@/lib/env";

async function answers(url: string, headers: Record<string, string> = {}): Promise<HealthCheck> {
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(2_000) });
  return response.ok ? { status: "ok" } : { status: "down", message: `${url} answered ${response.status}` };
}

/**
 * The model providers that are configured (OpenAI with OPENAI_API_KEY, Ollama with OLLAMA_HOST),
 * each asked for its model list, which costs nothing; none configured, nothing is checked.
 */
export function llmProviderProbes(environment: MotifEnvironment): Record<string, () => Promise<HealthCheck>> {
  const probes: Record<string, () => Promise<HealthCheck>> = {};
  if (environment.OPENAI_API_KEY) {
    const base = (environment.OPENAI_BASE_URL ?? "https://api.openai.com/v1").replace(/\/$/, "");
    probes.openai = () => answers(`${base}/models`, { authorization: `Bearer ${environment.OPENAI_API_KEY}` });
  }
  if (environment.OLLAMA_HOST) {
    const host = /^https?:\/\//.test(environment.OLLAMA_HOST) ? environment.OLLAMA_HOST : `http://${environment.OLLAMA_HOST}`;
    probes.ollama = () => answers(`${host.replace(/\/$/, "")}/api/tags`);
  }
  return probes;
}
