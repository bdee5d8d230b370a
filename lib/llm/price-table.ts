import fs from "node:fs";
import { z } from "zod";
import { MotifError } from "@/lib/errors";
// The attribute Deno (and Node's own ESM loader) asks of a JSON import; bundlers accept it too.
import bundledPrices from "./data/prices.json" with { type: "json" };

const modelPriceSchema = z.object({
  input: z.number().min(0),
  output: z.number().min(0),
  cached_input: z.number().min(0).optional(),
  cache_write: z.number().min(0).optional(),
});

const priceFileSchema = z.object({
  as_of: z.string().optional(),
  providers: z.record(z.string(), z.record(z.string(), modelPriceSchema)),
});

/** USD per million tokens of one model; cached input and cache writes where the provider bills them apart. */
export type ModelPrice = z.infer<typeof modelPriceSchema>;

/** Prices by provider, then model ("*" for every model of a provider). */
export type PriceTable = z.infer<typeof priceFileSchema>["providers"];

/** Tokens of one call as the provider counted them. */
export interface TokenUsage {
  /** Every prompt token, cached or not. */
  inputTokens: number;
  outputTokens: number;
  /** Prompt tokens read from the provider's cache (part of inputTokens). */
  cachedInputTokens?: number;
  /** Prompt tokens written to the provider's cache (part of inputTokens). */
  cacheWriteTokens?: number;
}

/**
 * The price table: the one kept in the repo (lib/llm/data/prices.json), with the models of the
 * file `overridePath` (same shape) laid over it, model by model. A bad override file stops with
 * its path and the bad field.
 */
export function loadPriceTable(overridePath?: string): PriceTable {
  const table: PriceTable = structuredClone(priceFileSchema.parse(bundledPrices).providers);
  if (!overridePath) return table;
  let override: unknown;
  try {
    override = JSON.parse(fs.readFileSync(overridePath, "utf8"));
  } catch (error) {
    throw new MotifError("internal:config", `MOTIF_LLM_PRICES: cannot read ${overridePath} as JSON (${(error as Error).message})`, { cause: error });
  }
  const parsed = priceFileSchema.safeParse(override);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MotifError("internal:config", `MOTIF_LLM_PRICES: ${overridePath}: ${issue.path.join(".")}: ${issue.message}`);
  }
  for (const [provider, models] of Object.entries(parsed.data.providers)) table[provider] = { ...table[provider], ...models };
  return table;
}

/**
 * The price of a model: its own entry, else the longest listed name it extends with a dated or
 * versioned suffix (`gpt-4o-mini-2024-07-18` → `gpt-4o-mini`), else the provider's "*" entry.
 */
export function priceOf(table: PriceTable, provider: string, model: string): ModelPrice | undefined {
  const models = table[provider];
  if (!models) return undefined;
  if (models[model]) return models[model];
  const base = Object.keys(models)
    .filter((name) => name !== "*" && model.startsWith(`${name}-`))
    .sort((left, right) => right.length - left.length)[0];
  return base ? models[base] : models["*"];
}

/** What a call cost in USD: uncached input, cached input, cache writes and output at their prices. */
export function costOf(price: ModelPrice, usage: TokenUsage): number {
  const cached = usage.cachedInputTokens ?? 0;
  const written = usage.cacheWriteTokens ?? 0;
  const plain = Math.max(0, usage.inputTokens - cached - written);
  const micro =
    plain * price.input +
    cached * (price.cached_input ?? price.input) +
    written * (price.cache_write ?? price.input) +
    usage.outputTokens * price.output;
  // numeric(14, 8) in model_usage: round here so the stored value is the computed one.
  return Number((micro / 1e6).toFixed(8));
}
