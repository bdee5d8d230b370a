import type { LlmBudget, ModelUsageRecord } from "@/lib/domain";

/** One `model_usage` row: a call, successful or not (lib/domain's ModelUsageRecord). */
export type UsageRecord = ModelUsageRecord;

/** Where the router records calls and reads what a project spent (the database, in Motif). */
export interface UsageLedger {
  /** The project's budget and its commercial spend this UTC day and month. */
  budgetOf(projectId: string): Promise<LlmBudget>;
  record(row: UsageRecord): Promise<void>;
}
