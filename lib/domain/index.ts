/**
 * lib/domain: Motif's model (code units, patterns, relationships, quality), every enum, the
 * request contracts and their limits. Types and zod schemas only: no I/O, and it imports
 * nothing else from lib/, so every other folder (and the dashboard) may depend on it.
 */
export * from "./enums";
export * from "./extraction";
export * from "./fields";
export * from "./match";
export * from "./pattern-requests";
export * from "./text-limits";
export * from "./mcp-tools";
export * from "./operator-members";
export * from "./accuracy";
export * from "./operations";
export * from "./health";
export * from "./github";
export * from "./uploads";
export * from "./edge-functions";
export * from "./kind-model";
export * from "./ingest-memory-file";
export * from "./ingest-changes";
export * from "./extraction-limits";
export {
  llmProviderNames,
  llmTaskNames,
  budgetUpdateSchema,
  costsQuerySchema,
  kindVerdicts,
  patternDescriptionSchema,
  describeRequestSchema,
  operatorCostsSchema,
  operatorBudgetSchema,
  operatorDescribeSchema,
  type LlmProviderName,
  type LlmTaskName,
  type LlmReasoning,
  type LlmTaskNeeds,
  type BudgetUpdate,
  type LlmBudget,
  type ModelUsageRecord,
  type CostByModel,
  type CostByDay,
  type CostByTask,
  type CostsReport,
  type PatternDescription,
  type DescribeRequest,
} from "./llm";
export {
  sessionFormats,
  sessionOutcomes,
  maxSessionChars,
  sessionAnalyzeRequestSchema,
  listSessionsQuerySchema,
  sessionJudgementSchema,
  operatorSessionSchema,
  sessionParamsSchema,
  type SessionFormat,
  type SessionOutcome,
  type SessionAnalyzeRequest,
  type SessionJudgement,
  type SessionAgentUsage,
  type SessionActivity,
  type SessionPatternUse,
  type SessionPatternMiss,
  type SessionReport,
} from "./sessions";
export type { JobProgress, JobStreamMessage } from "./job-progress";
export type { PatternEvent } from "./pattern-event";
export type { PatternCounters } from "./pattern-counters";
