import { costOf, priceOf, type PriceTable } from "@/lib/llm";
import type { SessionTrace } from "./session-trace";

// Transcripts name models, not providers.
function providerOf(model: string): string | undefined {
  if (/^claude-/.test(model)) return "anthropic";
  if (/^(gpt-|o\d|chatgpt-|codex-)/.test(model)) return "openai";
  return undefined;
}

/** What the session's own model calls cost, from the price table; null when a model of it is not there. */
export function agentCostOf(trace: SessionTrace, prices: PriceTable): number | null {
  let total = 0;
  for (const [model, usage] of Object.entries(trace.usageByModel)) {
    const provider = providerOf(model);
    const price = provider ? priceOf(prices, provider, model) : undefined;
    if (!price) return null;
    total += costOf(price, {
      inputTokens: usage.inputTokens + usage.cacheReadTokens + usage.cacheWriteTokens, outputTokens: usage.outputTokens,
      cachedInputTokens: usage.cacheReadTokens, cacheWriteTokens: usage.cacheWriteTokens,
    });
  }
  return Number(total.toFixed(6));
}
