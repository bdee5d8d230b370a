"use client";

import { Bar, BarChart, CartesianGrid, Cell, Legend, Pie, PieChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { CostByDay, CostByTask } from "@/lib/domain";
import { ChartFrame, tick, tooltipStyle } from "./chart-frame";
import { formatLabel } from "./format";

const providerColors: Record<string, string> = { ollama: "#10b981", openai: "#6366f1", anthropic: "#f59e0b" };

/** Every UTC day of the window, oldest first, as YYYY-MM-DD. */
function daysOf(since: string, count: number): string[] {
  const start = Date.parse(since);
  return Array.from({ length: count }, (_, index) => new Date(start + index * 86_400_000).toISOString().slice(0, 10));
}

/** Spend per UTC day, stacked by provider, against the daily budget line. */
export function SpendByDayChart({ days, since, count, dailyBudget }: { days: CostByDay[]; since: string; count: number; dailyBudget: number | null }) {
  const providers = [...new Set(days.map((day) => day.provider))];
  const data = daysOf(since, count).map((date) => ({
    date: date.slice(5),
    ...Object.fromEntries(providers.map((provider) => [provider, days.filter((day) => day.day === date && day.provider === provider).reduce((sum, day) => sum + day.cost_usd, 0)])),
  }));
  const total = days.reduce((sum, day) => sum + day.cost_usd, 0);
  return (
    <ChartFrame height={260} label={`Spend per day: $${total.toFixed(4)} over ${count} days${dailyBudget === null ? "" : `, daily budget $${dailyBudget}`}`} testId="chart-spend-by-day">
      <BarChart data={data}>
        <CartesianGrid vertical={false} strokeOpacity={0.3} />
        <XAxis dataKey="date" tick={tick} minTickGap={16} />
        <YAxis tick={tick} width={64} tickFormatter={(value: number) => `$${value.toFixed(value < 0.01 && value > 0 ? 4 : 2)}`} />
        <Tooltip {...tooltipStyle} formatter={(value) => `$${Number(value).toFixed(6)}`} />
        <Legend />
        {providers.map((provider) => <Bar key={provider} dataKey={provider} stackId="spend" fill={providerColors[provider] ?? "#94a3b8"} />)}
        {dailyBudget !== null && <ReferenceLine y={dailyBudget} stroke="#ef4444" strokeDasharray="4 4" label={{ value: "daily budget", fill: "#ef4444", fontSize: 12, position: "insideTopRight" }} />}
      </BarChart>
    </ChartFrame>
  );
}

/** Calls that ran locally against those that went to a commercial model. */
export function LocalShareChart({ local, commercial }: { local: number; commercial: number }) {
  const data = [{ name: "local", value: local }, { name: "commercial", value: commercial }];
  return (
    <ChartFrame label={`Calls: ${local} local, ${commercial} commercial`} testId="chart-local-share">
      <PieChart>
        <Tooltip {...tooltipStyle} />
        <Legend />
        <Pie data={data} dataKey="value" nameKey="name" innerRadius={50} outerRadius={80} isAnimationActive={false}>
          <Cell fill="#10b981" />
          <Cell fill="#6366f1" />
        </Pie>
      </PieChart>
    </ChartFrame>
  );
}

/** Calls per task, local and commercial stacked. */
export function TaskCallsChart({ tasks }: { tasks: CostByTask[] }) {
  const data = tasks.map((task) => ({ ...task, task: formatLabel(task.task) }));
  return (
    <ChartFrame height={Math.max(120, 36 * data.length + 60)} label={`Calls by task: ${data.map((task) => `${task.task} ${task.local_calls + task.commercial_calls}`).join(", ")}`} testId="chart-by-task">
      <BarChart data={data} layout="vertical" margin={{ left: 8, right: 16 }}>
        <CartesianGrid horizontal={false} strokeOpacity={0.3} />
        <XAxis type="number" allowDecimals={false} tick={tick} />
        <YAxis type="category" dataKey="task" width={130} tick={tick} />
        <Tooltip {...tooltipStyle} />
        <Legend />
        <Bar dataKey="local_calls" name="local" stackId="calls" fill="#10b981" />
        <Bar dataKey="commercial_calls" name="commercial" stackId="calls" fill="#6366f1" />
      </BarChart>
    </ChartFrame>
  );
}
