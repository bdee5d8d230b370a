import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import type { LlmBudget, LlmProviderName, LlmTaskName, LlmTaskNeeds, ModelUsageRecord } from "@/lib/domain";
import { MotifError } from "@/lib/errors";
import { createAnthropicProvider } from "./anthropic-provider";
import { LlmCallError } from "./llm-call-error";
import { noLlmProviderMessage, type LlmConfig } from "./llm-config";
import type { LlmCallResult, LlmProvider } from "./llm-provider";
import { createOllamaChatProvider } from "./ollama-chat-provider";
import { createOpenAIChatProvider } from "./openai-chat-provider";
import { parseModelJson } from "./parse-model-json";
import { planRoute, type RouteCandidate } from "./plan-route";
import { costOf, priceOf, type ModelPrice } from "./price-table";
import type { UsageLedger } from "./usage-ledger";

/** A task for a model: what it needs, what to ask, and (for structured tasks) the answer's schema. */
export interface LlmTask<T> {
  task: LlmTaskName;
  needs: LlmTaskNeeds;
  system: string;
  prompt: string;
  /** The answer's schema: the model must answer JSON that fits it. */
  schema?: z.ZodType<T>;
  maxOutputTokens: number;
  /** Streams the answer here as it comes (someone is watching). */
  onText?: (delta: string) => void;
}

/** Whose task it is: the project that pays, and the job or session it belongs to. */
export interface LlmTaskContext {
  projectId: string;
  /** How the project is named in messages (its slug). */
  projectLabel: string;
  jobId?: string;
  sessionId?: string;
}

/** A task's answer and what it cost (the cost fields as its `model_usage` row has them). */
export interface LlmTaskResult<T> extends Pick<ModelUsageRecord, "provider" | "model" | "isLocal" | "inputTokens" | "outputTokens" | "costUsd"> {
  value: T;
  text: string;
}

/** The one way Motif calls a language model. */
export interface LlmRouter {
  /** Whether any provider is configured; when not, `run` refuses with a message saying how to set one. */
  configured: boolean;
  providers: Array<{ name: LlmProviderName; model: string; isLocal: boolean }>;
  run<T = string>(task: LlmTask<T>, context: LlmTaskContext): Promise<LlmTaskResult<T>>;
}

type Attempt = { kind: "done"; result: LlmTaskResult<unknown> } | { kind: "failed"; reason: string } | { kind: "budget"; reason: string };

const usd = (value: number) => `$${value.toFixed(value < 0.01 ? 6 : 4)}`;

// What the call may cost at most: its prompt estimate and every output token it may write.
function budgetRefusal(budget: LlmBudget, estimate: number, context: LlmTaskContext): string | undefined {
  if (budget.daily_usd !== null && budget.spent_today_usd + estimate > budget.daily_usd) {
    return `the daily LLM budget of project ${context.projectLabel} (${usd(budget.daily_usd)}, ${usd(budget.spent_today_usd)} spent today, UTC) would be exceeded`;
  }
  if (budget.monthly_usd !== null && budget.spent_month_usd + estimate > budget.monthly_usd) {
    return `the monthly LLM budget of project ${context.projectLabel} (${usd(budget.monthly_usd)}, ${usd(budget.spent_month_usd)} spent this month, UTC) would be exceeded`;
  }
  return undefined;
}

function backoffMs(attempt: number): number {
  return Math.min(8_000, 500 * 2 ** attempt) * (0.75 + Math.random() * 0.5);
}

function createProvider(config: LlmConfig, name: LlmProviderName): LlmProvider {
  const provider = config.providers.find((candidate) => candidate.name === name)!;
  if (name === "ollama") return createOllamaChatProvider({ host: provider.baseUrl });
  if (name === "openai") return createOpenAIChatProvider({ apiKey: provider.apiKey!, baseUrl: provider.baseUrl });
  return createAnthropicProvider({ apiKey: provider.apiKey!, baseUrl: provider.baseUrl });
}

function systemFor<T>(task: LlmTask<T>, jsonSchema: Record<string, unknown> | undefined): string {
  if (!jsonSchema) return task.system;
  return `${task.system}\n\nAnswer with one JSON object only, no prose, matching this JSON Schema:\n${JSON.stringify(jsonSchema)}`;
}

/**
 * Creates the router: it plans a route for each task (see planRoute), checks the project's
 * budget before every commercial call, retries 429/5xx/timeouts with backoff honouring
 * `retry-after`, validates structured answers with zod, falls back to the next provider, and
 * records every call, successful or not, in the ledger with the provider's own token counts
 * and the price table's cost.
 */
export function createLlmRouter({ config, ledger, wait = sleep }: { config: LlmConfig; ledger: UsageLedger; wait?: (ms: number) => Promise<unknown> }): LlmRouter {
  const providers = new Map<LlmProviderName, LlmProvider>();
  const providerFor = (name: LlmProviderName) => providers.get(name) ?? providers.set(name, createProvider(config, name)).get(name)!;

  async function budgetCheck<T>(task: LlmTask<T>, context: LlmTaskContext, candidate: RouteCandidate, price: ModelPrice): Promise<Attempt | undefined> {
    if (candidate.isLocal) return undefined;
    const estimate = costOf(price, { inputTokens: task.needs.inputTokens, outputTokens: task.maxOutputTokens });
    const refusal = budgetRefusal(await ledger.budgetOf(context.projectId), estimate, context);
    return refusal ? { kind: "budget", reason: `${refusal} by a call to ${candidate.provider} ${candidate.model} (up to ${usd(estimate)})` } : undefined;
  }

  // One call and its usage row: an answer (usable or not), or a failure with when to try again.
  async function callOnce<T>(task: LlmTask<T>, context: LlmTaskContext, candidate: RouteCandidate, price: ModelPrice): Promise<Attempt | { kind: "retry"; reason: string; failure: LlmCallError }> {
    const jsonSchema = task.schema ? (({ $schema: _ignored, ...schema }) => schema)(z.toJSONSchema(task.schema) as Record<string, unknown>) : undefined;
    const base = { projectId: context.projectId, task: task.task, provider: candidate.provider, isLocal: candidate.isLocal, jobId: context.jobId, sessionId: context.sessionId };
    const started = performance.now();
    let answer: LlmCallResult;
    try {
      answer = await providerFor(candidate.provider).call({
        model: candidate.model, system: systemFor(task, jsonSchema), prompt: task.prompt, maxOutputTokens: task.maxOutputTokens,
        timeoutMs: config.timeoutMs, onText: task.onText, jsonSchema: jsonSchema && { name: task.task, schema: jsonSchema },
      });
    } catch (error) {
      const failure = error instanceof LlmCallError ? error : new LlmCallError((error as Error).message, { retryable: false, cause: error });
      await ledger.record({ ...base, model: candidate.model, inputTokens: 0, outputTokens: 0, costUsd: 0, latencyMs: Math.round(performance.now() - started), succeeded: false, error: failure.message });
      return { kind: "retry", reason: failure.message, failure };
    }
    const costUsd = costOf(priceOf(config.prices, candidate.provider, answer.model) ?? price, answer.usage);
    const row = { ...base, model: answer.model, inputTokens: answer.usage.inputTokens, outputTokens: answer.usage.outputTokens, costUsd, latencyMs: Math.round(performance.now() - started) };
    let value: unknown = answer.text;
    try {
      if (task.schema) value = parseModelJson(answer.text, task.schema);
    } catch (error) {
      // The call happened and cost its tokens; the answer is unusable, so the next provider tries.
      const reason = `${candidate.provider} ${answer.model}: ${(error as Error).message}`;
      await ledger.record({ ...row, succeeded: false, error: reason });
      return { kind: "failed", reason };
    }
    await ledger.record({ ...row, succeeded: true, error: null });
    return { kind: "done", result: { value, text: answer.text, provider: candidate.provider, model: answer.model, isLocal: candidate.isLocal, inputTokens: row.inputTokens, outputTokens: row.outputTokens, costUsd } };
  }

  // A candidate's attempts: the budget checked before each commercial one, retries while the failure allows.
  async function attemptCandidate<T>(task: LlmTask<T>, context: LlmTaskContext, candidate: RouteCandidate): Promise<Attempt> {
    const price: ModelPrice = priceOf(config.prices, candidate.provider, candidate.model) ?? { input: 0, output: 0 };
    let reason = "";
    for (let attempt = 0; attempt <= config.maxRetries; attempt++) {
      const refused = await budgetCheck(task, context, candidate, price);
      if (refused) return refused;
      const outcome = await callOnce(task, context, candidate, price);
      if (outcome.kind !== "retry") return outcome;
      reason = outcome.reason;
      const pause = outcome.failure.retryAfterMs ?? backoffMs(attempt);
      if (!outcome.failure.retryable || attempt === config.maxRetries || pause > config.maxRetryWaitMs) break;
      await wait(pause);
    }
    return { kind: "failed", reason };
  }

  return {
    configured: config.providers.length > 0,
    providers: config.providers.map(({ name, model, isLocal }) => ({ name, model, isLocal })),
    async run<T>(task: LlmTask<T>, context: LlmTaskContext): Promise<LlmTaskResult<T>> {
      if (config.providers.length === 0) throw new MotifError("not_configured:llm", noLlmProviderMessage);
      const route = planRoute(config, task.task, task.needs);
      if (route.length === 0) {
        throw new MotifError("not_configured:llm", `task ${task.task} needs a commercial model and none is configured: set OPENAI_API_KEY or ANTHROPIC_API_KEY (docs/llm-routing.md)`);
      }
      const refusals: Attempt[] = [];
      for (const candidate of route) {
        const attempt = await attemptCandidate(task, context, candidate);
        if (attempt.kind === "done") return attempt.result as LlmTaskResult<T>;
        refusals.push(attempt);
      }
      const reasons = refusals.map((attempt) => (attempt.kind === "done" ? "" : attempt.reason)).join("; ");
      if (refusals.every((attempt) => attempt.kind === "budget")) throw new MotifError("budget_exceeded:llm", `task ${task.task} refused: ${reasons}`);
      throw new MotifError("unavailable:llm", `task ${task.task} failed on every provider: ${reasons}`);
    },
  };
}
