import type { CostsReport, LlmBudget } from "@/lib/domain";

const usd = (value: number) => `$${value.toFixed(value !== 0 && Math.abs(value) < 0.01 ? 6 : 4)}`;

/** A project's budget in one line each for the day and the month. */
export function formatBudget(budget: LlmBudget): string {
  const line = (label: string, limit: number | null, spent: number) => `${label}: ${usd(spent)} spent of ${limit === null ? "no limit" : usd(limit)}`;
  return [line("today (UTC)", budget.daily_usd, budget.spent_today_usd), line("this month (UTC)", budget.monthly_usd, budget.spent_month_usd)].join("\n");
}

/** `motif costs` as a person reads it: totals, a table by provider and model, the budget. */
export function formatCostsReport(report: CostsReport): string {
  const lines = [`LLM costs of ${report.project.slug}, last ${report.days} day(s) since ${report.since.slice(0, 10)}: ${usd(report.total_usd)} over ${report.calls} call(s) (${report.failed_calls} failed)`];
  if (report.by_provider.length > 0) {
    const rows = report.by_provider.map((row) => [row.provider, row.model, row.is_local ? "local" : "commercial", String(row.calls), String(row.input_tokens), String(row.output_tokens), usd(row.cost_usd)]);
    const header = ["PROVIDER", "MODEL", "WHERE", "CALLS", "INPUT", "OUTPUT", "COST"];
    const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
    lines.push("", ...[header, ...rows].map((row) => row.map((cell, column) => cell.padEnd(widths[column])).join("  ").trimEnd()));
  }
  lines.push("", formatBudget(report.budget));
  return lines.join("\n");
}
