import { asService, getLlmBudgetByProjectId, getOperatorProjectBySlug, upsertLlmBudgetByProjectId, type Database } from "@/lib/db";
import type { BudgetUpdate, CostsReport, LlmBudget } from "@/lib/domain";
import { MotifError } from "@/lib/errors";
import { getCostsReport } from "./costs-report";

async function requireOperatorProject(database: Database, slug: string) {
  const project = await asService(database, (transaction) => getOperatorProjectBySlug({ transaction, slug }));
  if (!project) throw new MotifError("not_found:resource", `project "${slug}" not found`);
  return project;
}

/** `motif costs` as the local operator (service_role). */
export async function costsAsOperator({ database, slug, days }: { database: Database; slug: string; days: number }): Promise<CostsReport> {
  const project = await requireOperatorProject(database, slug);
  return asService(database, (transaction) => getCostsReport({ transaction, project, days }));
}

/** `motif budget` as the local operator: sets what the update names, answers the budget as it stands. */
export async function budgetAsOperator({ database, slug, update }: { database: Database; slug: string; update: BudgetUpdate }): Promise<{ project: { id: string; slug: string }; budget: LlmBudget }> {
  const project = await requireOperatorProject(database, slug);
  const budget = await asService(database, async (transaction) => {
    if (update.daily_usd !== undefined || update.monthly_usd !== undefined) await upsertLlmBudgetByProjectId({ transaction, projectId: project.id, update });
    return getLlmBudgetByProjectId({ transaction, projectId: project.id });
  });
  return { project: { id: project.id, slug: project.slug }, budget };
}
