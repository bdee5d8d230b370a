import { getDatabase, type Database } from "@/lib/db";
import type { IntentRewriteReport } from "@/lib/domain";
import { getEnvironment, type MotifEnvironment } from "@/lib/env";
import { createDatabaseLedger, createLlmRouter, readLlmConfig, type LlmRouter } from "@/lib/llm";
import { rewriteIntent } from "./rewrite-intent";

/** Restates an intent for one project's search; the match then reads the report (lib/search matchPatterns' `rewrite`). */
export type IntentRewriter = (intent: string, project: { id: string; slug: string }) => Promise<IntentRewriteReport>;

// Rewrites already paid for, by project and intent: agents ask the same intents again.
const cacheSize = 512;
// Long enough for a local 7B model to answer ~100 tokens on a laptop, short enough for a search.
const defaultTimeoutMs = 8000;

function unusable(reason: string): IntentRewriter {
  return async () => ({ used: false, text: null, provider: null, model: null, cost_usd: 0, cached: false, reason });
}

/**
 * The intent rewriter as the environment configures it, or null when MOTIF_SEARCH_REWRITE is
 * not "llm". It routes through the LLM router (a local model when one is set, else a
 * commercial one under the project's budget; every call a `model_usage` row), bounded by
 * MOTIF_SEARCH_REWRITE_TIMEOUT_MS per provider with no retries, so a search waits for at most
 * that per configured provider. Answers are cached per project and intent (512 entries).
 * An LLM configuration that cannot be read leaves every rewrite unused, with the reason.
 */
export function createIntentRewriter(
  database: Database,
  { environment = getEnvironment(), router }: { environment?: MotifEnvironment; router?: LlmRouter } = {},
): IntentRewriter | null {
  if (environment.MOTIF_SEARCH_REWRITE !== "llm") return null;
  let routed: LlmRouter;
  try {
    const config = readLlmConfig(environment);
    routed = router ?? createLlmRouter({ config: { ...config, timeoutMs: environment.MOTIF_SEARCH_REWRITE_TIMEOUT_MS ?? defaultTimeoutMs, maxRetries: 0 }, ledger: createDatabaseLedger(database) });
  } catch (error) {
    return unusable(`the LLM configuration cannot be used: ${(error as Error).message}`);
  }
  const cache = new Map<string, IntentRewriteReport>();
  return async (intent, project) => {
    const key = `${project.id}\u0000${intent.trim().toLowerCase()}`;
    const known = cache.get(key);
    if (known) return { ...known, cost_usd: 0, cached: true };
    const report = await rewriteIntent({ router: routed, intent, context: { projectId: project.id, projectLabel: project.slug } });
    if (report.used) {
      if (cache.size >= cacheSize) cache.delete(cache.keys().next().value!);
      cache.set(key, report);
    }
    return report;
  };
}

const shared = new WeakMap<Database, IntentRewriter | null>();

/** The process' intent rewriter for this database (one cache for every request), as the environment configures it. */
export function intentRewriterFor(database: Database): IntentRewriter | null {
  if (!shared.has(database)) shared.set(database, createIntentRewriter(database));
  return shared.get(database)!;
}

/** The intent rewriter of the process' own database (the HTTP routes' one), or null when none is configured. */
export async function processIntentRewriter(): Promise<IntentRewriter | null> {
  return intentRewriterFor(await getDatabase());
}
