import type { BudgetUpdate, CostByDay, CostByModel, CostByTask, LlmBudget, ModelUsageRecord } from "@/lib/domain";
import type { Queryable } from "../database";

/** Records one LLM call (successful or not). */
export async function insertModelUsage({ transaction, values }: { transaction: Queryable; values: ModelUsageRecord }): Promise<void> {
  await transaction.query(
    `insert into public.model_usage (project_id, task, provider, model, is_local, input_tokens, output_tokens, cost_usd, latency_ms, succeeded, error, job_id, session_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      values.projectId, values.task, values.provider, values.model, values.isLocal, values.inputTokens, values.outputTokens,
      values.costUsd, values.latencyMs, values.succeeded, values.error?.slice(0, 2000) ?? null, values.jobId ?? null, values.sessionId ?? null,
    ],
  );
}

// The current UTC day and month start, as timestamptz.
const dayStart = `(date_trunc('day', now() at time zone 'utc') at time zone 'utc')`;
const monthStart = `(date_trunc('month', now() at time zone 'utc') at time zone 'utc')`;

/** A project's limits and its commercial spend this UTC day and month. */
export async function getLlmBudgetByProjectId({ transaction, projectId }: { transaction: Queryable; projectId: string }): Promise<LlmBudget> {
  const [row] = await transaction.query<LlmBudget>(
    `select b.daily_usd::float8 as daily_usd, b.monthly_usd::float8 as monthly_usd,
       coalesce((select sum(cost_usd) from public.model_usage u where u.project_id = $1 and not u.is_local and u.created_at >= ${dayStart}), 0)::float8 as spent_today_usd,
       coalesce((select sum(cost_usd) from public.model_usage u where u.project_id = $1 and not u.is_local and u.created_at >= ${monthStart}), 0)::float8 as spent_month_usd
     from (select 1) one left join public.llm_budgets b on b.project_id = $1`,
    [projectId],
  );
  return row;
}

/** Sets a project's limits; a field left out keeps its value, null clears it (RLS: admins only). */
export async function upsertLlmBudgetByProjectId({ transaction, projectId, update }: { transaction: Queryable; projectId: string; update: BudgetUpdate }): Promise<void> {
  await transaction.query(
    `insert into public.llm_budgets (project_id, daily_usd, monthly_usd) values ($1, $3, $5)
     on conflict (project_id) do update set
       daily_usd = case when $2 then excluded.daily_usd else public.llm_budgets.daily_usd end,
       monthly_usd = case when $4 then excluded.monthly_usd else public.llm_budgets.monthly_usd end`,
    [projectId, update.daily_usd !== undefined, update.daily_usd ?? null, update.monthly_usd !== undefined, update.monthly_usd ?? null],
  );
}

/** A project's LLM calls since a time, summed by model, by UTC day and provider, and by task. */
export async function getCostsByProjectId({ transaction, projectId, since }: { transaction: Queryable; projectId: string; since: string }) {
  const byProvider = await transaction.query<CostByModel>(
    `select provider, model, is_local, count(*)::int as calls, count(*) filter (where not succeeded)::int as failed_calls,
       sum(input_tokens)::float8 as input_tokens, sum(output_tokens)::float8 as output_tokens, sum(cost_usd)::float8 as cost_usd
     from public.model_usage where project_id = $1 and created_at >= $2
     group by provider, model, is_local order by cost_usd desc, calls desc, provider, model`,
    [projectId, since],
  );
  const byDay = await transaction.query<CostByDay>(
    `select to_char(created_at at time zone 'utc', 'YYYY-MM-DD') as day, provider, is_local, count(*)::int as calls, sum(cost_usd)::float8 as cost_usd
     from public.model_usage where project_id = $1 and created_at >= $2
     group by 1, provider, is_local order by 1, provider`,
    [projectId, since],
  );
  const byTask = await transaction.query<CostByTask>(
    `select task, count(*) filter (where is_local)::int as local_calls, count(*) filter (where not is_local)::int as commercial_calls, sum(cost_usd)::float8 as cost_usd
     from public.model_usage where project_id = $1 and created_at >= $2
     group by task order by cost_usd desc, task`,
    [projectId, since],
  );
  return { byProvider, byDay, byTask };
}
