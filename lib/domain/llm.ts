import { z } from "zod";

/** The language-model providers Motif routes to: Ollama runs locally, the others are commercial. */
export const llmProviderNames = ["ollama", "openai", "anthropic"] as const;

/** One of {@link llmProviderNames}. */
export type LlmProviderName = (typeof llmProviderNames)[number];

/** The tasks Motif gives a language model; each `model_usage` row names one. */
export const llmTaskNames = ["describe_pattern", "analyse_session", "rewrite_intent"] as const;

/** One of {@link llmTaskNames}. */
export type LlmTaskName = (typeof llmTaskNames)[number];

/** How hard a task is to think through: simple tasks go to the local model, complex ones to a commercial one. */
export type LlmReasoning = "simple" | "complex";

/** What a task needs of a model, which the router reads to pick one. */
export interface LlmTaskNeeds {
  /** Estimated prompt size in tokens. */
  inputTokens: number;
  reasoning: LlmReasoning;
  /** Whether the answer must be JSON matching a schema. */
  structured: boolean;
  /** Whether a local model may do it when no commercial one can (over budget, failing). */
  localAllowed: boolean;
}

/** A USD amount as the API takes it: 0 or more, at most 1,000,000; null clears the limit. */
const usdLimit = z.number().min(0).max(1_000_000).nullable();

/** PUT /api/v1/projects/{slug}/budget body (and `motif budget`): the limits to set; an omitted one stays. */
export const budgetUpdateSchema = z
  .object({
    daily_usd: usdLimit.optional().describe("most the project may spend on commercial models per UTC day; null: no daily limit"),
    monthly_usd: usdLimit.optional().describe("most the project may spend on commercial models per UTC calendar month; null: no monthly limit"),
  })
  .strict();

/** A budget change: {@link budgetUpdateSchema}'s type. */
export type BudgetUpdate = z.infer<typeof budgetUpdateSchema>;

/** One LLM call as a `model_usage` row records it (successful or not): the router writes it, lib/db stores it. */
export interface ModelUsageRecord {
  projectId: string;
  task: LlmTaskName;
  provider: LlmProviderName;
  model: string;
  isLocal: boolean;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  latencyMs: number;
  succeeded: boolean;
  error: string | null;
  jobId?: string | null;
  sessionId?: string | null;
}

/** A project's LLM budget and what it spent in the current day and month (UTC). */
export interface LlmBudget {
  daily_usd: number | null;
  monthly_usd: number | null;
  spent_today_usd: number;
  spent_month_usd: number;
}

/** GET /api/v1/projects/{slug}/costs query (and `motif costs --days`): the last N days, today included. */
export const costsQuerySchema = z.object({
  days: z.coerce.number().int().min(1).max(366).default(30).describe("how many days back, today included (1-366, default 30)"),
});

/** Calls and tokens of one provider and model. */
export interface CostByModel {
  provider: string;
  model: string;
  is_local: boolean;
  calls: number;
  failed_calls: number;
  input_tokens: number;
  output_tokens: number;
  cost_usd: number;
}

/** Spend of one UTC day by one provider. */
export interface CostByDay {
  day: string;
  provider: string;
  is_local: boolean;
  calls: number;
  cost_usd: number;
}

/** Calls and cost of one task, local and commercial apart. */
export interface CostByTask {
  task: string;
  local_calls: number;
  commercial_calls: number;
  cost_usd: number;
}

/** What `motif costs` and GET .../costs answer. */
export interface CostsReport {
  project: { id: string; slug: string };
  days: number;
  since: string;
  total_usd: number;
  calls: number;
  failed_calls: number;
  by_provider: CostByModel[];
  by_day: CostByDay[];
  by_task: CostByTask[];
  budget: LlmBudget;
}

/** A model's verdict on the design-pattern kind the detectors gave a pattern. */
export const kindVerdicts = ["confirmed", "rejected", "not_applicable"] as const;

/** What a model answers when asked to name and describe a pattern (validated before it is stored). */
export const patternDescriptionSchema = z.object({
  name: z.string().trim().min(3).max(120).describe("a human name, e.g. 'Async Database Transaction with Retry'"),
  description: z.string().trim().min(10).max(1200).describe("two or three sentences: what it does, when to use it"),
  kind_verdict: z.enum(kindVerdicts).describe("confirmed: the detected kind is right; rejected: it is wrong; not_applicable: none was detected"),
  suggested_kind: z.string().regex(/^[a-z_]{3,40}$/).nullable().describe("the right design-pattern kind when rejected or none was detected, else null"),
  confidence: z.number().min(0).max(1).describe("how sure the model is, 0-1"),
});

/** {@link patternDescriptionSchema}'s type. */
export type PatternDescription = z.infer<typeof patternDescriptionSchema>;

/** POST /api/v1/projects/{slug}/describe body (and `motif describe`): how many patterns to describe. */
export const describeRequestSchema = z
  .object({
    limit: z.number().int().min(1).max(10_000).default(50).describe("most patterns to describe, those never described (or changed since) first"),
  })
  .strict();

/** {@link describeRequestSchema}'s type. */
export type DescribeRequest = z.infer<typeof describeRequestSchema>;

const operatorProject = z.string().min(1).max(100).describe("project slug");

/** POST /api/operator/costs body: `motif costs` while `motif serve` owns the data dir. */
export const operatorCostsSchema = z.object({ project: operatorProject, days: z.number().int().min(1).max(366).default(30) });

/** POST /api/operator/budget body: `motif budget` while `motif serve` owns the data dir. */
export const operatorBudgetSchema = budgetUpdateSchema.extend({ project: operatorProject });

/** POST /api/operator/describe body: `motif describe` while `motif serve` owns the data dir. */
export const operatorDescribeSchema = describeRequestSchema.extend({ project: operatorProject });
