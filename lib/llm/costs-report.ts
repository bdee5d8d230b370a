import { getCostsByProjectId, getLlmBudgetByProjectId, type Queryable } from "@/lib/db";
import type { CostsReport } from "@/lib/domain";

const cents = (value: number) => Number(value.toFixed(8));

/** Midnight UTC of the day `days - 1` days before today: the start of a "last N days" window. */
export function windowStart(days: number, now = new Date()): string {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - (days - 1)));
  return start.toISOString();
}

/**
 * What a project's LLM calls cost over the last `days` UTC days: totals, by provider and model,
 * by day and provider, by task, and the budget with this day's and month's spend. Reads under
 * the caller's RLS.
 */
export async function getCostsReport({ transaction, project, days }: { transaction: Queryable; project: { id: string; slug: string }; days: number }): Promise<CostsReport> {
  const since = windowStart(days);
  const { byProvider, byDay, byTask } = await getCostsByProjectId({ transaction, projectId: project.id, since });
  const budget = await getLlmBudgetByProjectId({ transaction, projectId: project.id });
  return {
    project: { id: project.id, slug: project.slug },
    days,
    since,
    total_usd: cents(byProvider.reduce((sum, row) => sum + row.cost_usd, 0)),
    calls: byProvider.reduce((sum, row) => sum + row.calls, 0),
    failed_calls: byProvider.reduce((sum, row) => sum + row.failed_calls, 0),
    by_provider: byProvider,
    by_day: byDay,
    by_task: byTask,
    budget,
  };
}
