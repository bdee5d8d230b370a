import { asService, getLlmBudgetByProjectId, insertModelUsage, type Database } from "@/lib/db";
import type { UsageLedger } from "./usage-ledger";

/**
 * The ledger in the database: `model_usage` rows and `llm_budgets`, as service_role, each call
 * in its own transaction, so a call is recorded even when the work around it fails.
 */
export function createDatabaseLedger(database: Database): UsageLedger {
  return {
    budgetOf: (projectId) => asService(database, (transaction) => getLlmBudgetByProjectId({ transaction, projectId })),
    record: (row) => asService(database, (transaction) => insertModelUsage({ transaction, values: row })),
  };
}
