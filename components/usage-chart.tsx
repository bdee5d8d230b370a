"use client";

import { useQuery } from "@tanstack/react-query";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { UsageDayRow } from "@/lib/db";
import { realtimeQueryKeys } from "./query-keys";
import { apiFetch } from "./api-client";
import { ChartFrame, tick, tooltipStyle } from "./chart-frame";
import { ErrorMessage } from "./ui/error-message";
import { Skeleton } from "./ui/skeleton";

const outcomes = [
  { key: "successful", color: "#10b981" },
  { key: "partial", color: "#f59e0b" },
  { key: "failed", color: "#ef4444" },
  { key: "pending", color: "#94a3b8" },
] as const;

/** A pattern's usage per day over the last 30 days, stacked by outcome. */
export function UsageChart({ patternId }: { patternId: string }) {
  const usage = useQuery({
    queryKey: [...realtimeQueryKeys.pattern(patternId), "usage"],
    queryFn: () => apiFetch<{ days: UsageDayRow[]; totals: Omit<UsageDayRow, "date"> }>(`/api/v1/patterns/${patternId}/usage?days=30`),
  });
  if (usage.error) return <ErrorMessage error={usage.error} testId="usage-error" />;
  if (!usage.data) return <Skeleton className="h-48 w-full" />;
  const { totals } = usage.data;
  if (totals.total === 0) {
    return <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="usage-empty">Nobody has reported using this pattern in the last 30 days. Report an outcome below.</p>;
  }
  return (
    <div data-testid="usage-chart">
      <p className="text-sm text-slate-600 dark:text-slate-300">
        {totals.total} uses in 30 days: {totals.successful} successful, {totals.partial} partial, {totals.failed} failed, {totals.pending} pending.
      </p>
      <ChartFrame height={200} label={`Usage over 30 days: ${totals.total} uses`}>
        <BarChart data={usage.data.days.map((day) => ({ ...day, date: day.date.slice(5) }))}>
          <CartesianGrid vertical={false} strokeOpacity={0.3} />
          <XAxis dataKey="date" tick={tick} minTickGap={16} />
          <YAxis allowDecimals={false} tick={tick} width={32} />
          <Tooltip {...tooltipStyle} />
          <Legend />
          {outcomes.map((outcome) => (
            <Bar key={outcome.key} dataKey={outcome.key} stackId="outcome" fill={outcome.color} />
          ))}
        </BarChart>
      </ChartFrame>
    </div>
  );
}
