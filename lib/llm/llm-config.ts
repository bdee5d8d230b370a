import { llmProviderNames, llmTaskNames, type LlmProviderName, type LlmTaskName } from "@/lib/domain";
import { getEnvironment, type MotifEnvironment } from "@/lib/env";
import { MotifError } from "@/lib/errors";
import { loadPriceTable, priceOf, type PriceTable } from "./price-table";

/** A provider that is configured: where it is, its default model, its key. */
export interface LlmProviderConfig {
  name: LlmProviderName;
  isLocal: boolean;
  baseUrl: string;
  apiKey?: string;
  model: string;
}

/** Everything the router reads, from the environment once (docs/llm-routing.md). */
export interface LlmConfig {
  /** The configured providers; none means LLM features are off. */
  providers: LlmProviderConfig[];
  /** A model named for a task (`MOTIF_LLM_TASK_MODELS`): that provider and model go first for it. */
  taskModels: Partial<Record<LlmTaskName, { provider: LlmProviderName; model: string }>>;
  /** The emergency override: every task goes to this provider only. */
  forceProvider?: LlmProviderName;
  /** Prompts of more tokens than this are complex, whatever the task says. */
  complexInputTokens: number;
  timeoutMs: number;
  /** Attempts after the first on one provider, for 429, 5xx and timeouts. */
  maxRetries: number;
  /** Longest wait a `retry-after` may ask for; a longer one moves to the next provider. */
  maxRetryWaitMs: number;
  prices: PriceTable;
}

/** Defaults: a code model for Ollama, the cheap tier of each commercial provider. */
export const defaultLlmModels: Record<LlmProviderName, string> = {
  ollama: "qwen2.5-coder:7b",
  openai: "gpt-4o-mini",
  anthropic: "claude-haiku-4-5",
};

function withScheme(host: string): string {
  return (/^https?:\/\//.test(host) ? host : `http://${host}`).replace(/\/+$/, "");
}

function configuredProviders(environment: MotifEnvironment): LlmProviderConfig[] {
  const providers: LlmProviderConfig[] = [];
  // Ollama is on when its host or a local model is named: the default host alone proves nothing runs there.
  if (environment.OLLAMA_HOST || environment.MOTIF_LLM_LOCAL_MODEL) {
    providers.push({ name: "ollama", isLocal: true, baseUrl: withScheme(environment.OLLAMA_HOST ?? "127.0.0.1:11434"), model: environment.MOTIF_LLM_LOCAL_MODEL ?? defaultLlmModels.ollama });
  }
  if (environment.OPENAI_API_KEY) {
    providers.push({ name: "openai", isLocal: false, baseUrl: environment.OPENAI_BASE_URL ?? "https://api.openai.com/v1", apiKey: environment.OPENAI_API_KEY, model: environment.MOTIF_LLM_OPENAI_MODEL ?? defaultLlmModels.openai });
  }
  if (environment.ANTHROPIC_API_KEY) {
    providers.push({ name: "anthropic", isLocal: false, baseUrl: environment.ANTHROPIC_BASE_URL ?? "https://api.anthropic.com", apiKey: environment.ANTHROPIC_API_KEY, model: environment.MOTIF_LLM_ANTHROPIC_MODEL ?? defaultLlmModels.anthropic });
  }
  return providers;
}

/** Reads `describe_pattern=openai:gpt-4.1-mini,analyse_session=anthropic:claude-sonnet-4-5`. */
export function parseTaskModels(text: string | undefined): LlmConfig["taskModels"] {
  const taskModels: LlmConfig["taskModels"] = {};
  for (const entry of (text ?? "").split(",").map((part) => part.trim()).filter(Boolean)) {
    const match = /^([a-z_]+)=([a-z]+):(.+)$/.exec(entry);
    if (!match || !(llmTaskNames as readonly string[]).includes(match[1]) || !(llmProviderNames as readonly string[]).includes(match[2])) {
      throw new MotifError("internal:config", `MOTIF_LLM_TASK_MODELS: "${entry}" is not <task>=<provider>:<model> with a task of ${llmTaskNames.join(", ")} and a provider of ${llmProviderNames.join(", ")}`);
    }
    taskModels[match[1] as LlmTaskName] = { provider: match[2] as LlmProviderName, model: match[3] };
  }
  return taskModels;
}

// A commercial model without a price could spend without limit: refuse it before any call.
function requirePrices(config: LlmConfig): void {
  const models = [...config.providers.map((provider) => ({ provider: provider.name, model: provider.model })), ...Object.values(config.taskModels)];
  for (const { provider, model } of models) {
    if (provider !== "ollama" && !priceOf(config.prices, provider, model)) {
      throw new MotifError("internal:config", `no price for ${provider} model "${model}" in the price table (lib/llm/data/prices.json); add it in a file named by MOTIF_LLM_PRICES`);
    }
  }
}

/** The LLM configuration from the environment, validated; a model without a price stops here. */
export function readLlmConfig(environment: MotifEnvironment = getEnvironment()): LlmConfig {
  const config: LlmConfig = {
    providers: configuredProviders(environment),
    taskModels: parseTaskModels(environment.MOTIF_LLM_TASK_MODELS),
    forceProvider: environment.MOTIF_LLM_FORCE_PROVIDER,
    complexInputTokens: environment.MOTIF_LLM_COMPLEX_INPUT_TOKENS ?? 3000,
    timeoutMs: environment.MOTIF_LLM_TIMEOUT_MS ?? 60_000,
    maxRetries: environment.MOTIF_LLM_MAX_RETRIES ?? 2,
    maxRetryWaitMs: 30_000,
    prices: loadPriceTable(environment.MOTIF_LLM_PRICES),
  };
  if (config.forceProvider && !config.providers.some((provider) => provider.name === config.forceProvider)) {
    throw new MotifError("internal:config", `MOTIF_LLM_FORCE_PROVIDER=${config.forceProvider}, but ${config.forceProvider} is not configured (docs/llm-routing.md)`);
  }
  requirePrices(config);
  return config;
}

/** The message every LLM feature gives when no provider is configured. */
export const noLlmProviderMessage =
  "no LLM provider is configured: set OLLAMA_HOST (local), OPENAI_API_KEY or ANTHROPIC_API_KEY (see docs/llm-routing.md)";
