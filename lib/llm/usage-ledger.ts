import type { LlmBudget, LlmProviderName, LlmTaskName } from "@/lib/domain";

/** One `model_usage` row: a call, successful or not. */
export interface UsageRecord {
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

/** Where the router records calls and reads what a project spent (the database, in Motif). */
export interface UsageLedger {
  /** The project's budget and its commercial spend this UTC day and month. */
  budgetOf(projectId: string): Promise<LlmBudget>;
  record(row: UsageRecord): Promise<void>;
}
