import type { Database } from "@/lib/db";
import { createDatabaseLedger } from "./database-ledger";
import { readLlmConfig } from "./llm-config";
import { createLlmRouter, type LlmRouter } from "./llm-router";

/** The router as the environment configures it, recording calls and reading budgets in this database. */
export function createConfiguredRouter(database: Database): LlmRouter {
  return createLlmRouter({ config: readLlmConfig(), ledger: createDatabaseLedger(database) });
}
