"use client";

import { useQuery } from "@tanstack/react-query";
import type { CostsReport } from "@/lib/domain";
import { apiFetch } from "./api-client";
import { BudgetForm } from "./budget-form";
import { LocalShareChart, SpendByDayChart, TaskCallsChart } from "./cost-charts";
import { useProject } from "./use-project";
import { Card } from "./ui/card";
import { EmptyState } from "./ui/empty-state";
import { ErrorMessage } from "./ui/error-message";
import { Skeleton } from "./ui/skeleton";

const costWindowDays = 30;
const usd = (value: number) => `$${value.toFixed(value !== 0 && value < 0.01 ? 6 : 4)}`;

function ProviderTable({ report }: { report: CostsReport }) {
  return (
    <table className="w-full text-left text-sm" data-testid="costs-by-provider">
      <thead className="text-xs text-slate-500 dark:text-slate-400"><tr><th>Provider</th><th>Model</th><th>Where</th><th className="text-right">Calls</th><th className="text-right">Input</th><th className="text-right">Output</th><th className="text-right">Cost</th></tr></thead>
      <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
        {report.by_provider.map((row) => (
          <tr key={`${row.provider}:${row.model}`}>
            <td className="py-1">{row.provider}</td><td>{row.model}</td><td>{row.is_local ? "local" : "commercial"}</td>
            <td className="text-right">{row.calls}{row.failed_calls > 0 ? ` (${row.failed_calls} failed)` : ""}</td>
            <td className="text-right">{row.input_tokens.toLocaleString()}</td><td className="text-right">{row.output_tokens.toLocaleString()}</td><td className="text-right">{usd(row.cost_usd)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function BudgetSummary({ report }: { report: CostsReport }) {
  const { budget } = report;
  const line = (label: string, spent: number, limit: number | null) => `${label}: ${usd(spent)} of ${limit === null ? "no limit" : usd(limit)}`;
  return (
    <p className="text-sm" data-testid="costs-budget">
      {line("Today (UTC)", budget.spent_today_usd, budget.daily_usd)} · {line("this month", budget.spent_month_usd, budget.monthly_usd)}
    </p>
  );
}

/** The Costs page: what the project's LLM calls cost, per day against the budget, local against commercial, by task and model. */
export function CostsDashboard({ slug }: { slug: string }) {
  const project = useProject(slug);
  const costs = useQuery({ queryKey: ["projects", slug, "costs", costWindowDays], queryFn: () => apiFetch<CostsReport>(`/api/v1/projects/${slug}/costs?days=${costWindowDays}`) });
  if (costs.error) return <ErrorMessage error={costs.error} testId="costs-error" />;
  if (!costs.data) return <div className="grid gap-6 md:grid-cols-2" role="status"><span className="sr-only">Loading costs</span><Skeleton className="h-64" /><Skeleton className="h-64" /></div>;
  const report = costs.data;
  const local = report.by_provider.filter((row) => row.is_local).reduce((sum, row) => sum + row.calls, 0);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Costs</h1>
      <p className="text-sm" data-testid="costs-total">{usd(report.total_usd)} over {report.calls} LLM calls in the last {report.days} days.</p>
      <BudgetSummary report={report} />
      {report.calls === 0 ? (
        <EmptyState title="No LLM calls yet" testId="costs-empty">
          <p className="[overflow-wrap:anywhere]">Calls appear here once a model describes patterns (<code>motif describe</code>) or judges a session. Configure a provider first: see docs/llm-routing.md.</p>
        </EmptyState>
      ) : (
        <div className="grid gap-6 md:grid-cols-2">
          <Card title="Spend per day by provider" className="md:col-span-2"><SpendByDayChart days={report.by_day} since={report.since} count={report.days} dailyBudget={report.budget.daily_usd} /></Card>
          <Card title="Local and commercial calls"><LocalShareChart local={local} commercial={report.calls - local} /></Card>
          <Card title="Calls by task"><TaskCallsChart tasks={report.by_task} /></Card>
          <Card title="By provider and model" className="md:col-span-2"><ProviderTable report={report} /></Card>
        </div>
      )}
      {project.data?.role === "admin" && <Card title="Budget"><BudgetForm slug={slug} budget={report.budget} /></Card>}
    </div>
  );
}
