"use client";

import { Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from "recharts";
import type { ComplexityPoint, LabelCount, UsageTrendDay } from "@/lib/db";
import { ChartFrame, tick, tooltipStyle } from "./chart-frame";
import { formatLabel } from "./format";

const tierColors: Record<string, string> = { excellent: "#10b981", good: "#0ea5e9", fair: "#f59e0b", poor: "#f43f5e", unscored: "#94a3b8" };

/** Patterns per quality tier (excellent ≥ 0.8, good ≥ 0.6, fair ≥ 0.4, poor below). */
export function QualityTierChart({ tiers }: { tiers: LabelCount[] }) {
  return (
    <ChartFrame label={`Quality tiers: ${tiers.map((tier) => `${tier.label} ${tier.count}`).join(", ")}`} testId="chart-quality-tiers">
      <BarChart data={tiers}>
        <CartesianGrid vertical={false} strokeOpacity={0.3} />
        <XAxis dataKey="label" tick={tick} />
        <YAxis allowDecimals={false} tick={tick} width={32} />
        <Tooltip {...tooltipStyle} />
        <Bar dataKey="count" name="patterns" radius={[4, 4, 0, 0]}>
          {tiers.map((tier) => <Cell key={tier.label} fill={tierColors[tier.label]} />)}
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}

/** Patterns per label (type or kind), longest bar first, as horizontal bars. */
export function CountChart({ counts, label, color, testId }: { counts: LabelCount[]; label: string; color: string; testId: string }) {
  const data = counts.map((count) => ({ ...count, label: formatLabel(count.label) }));
  return (
    <ChartFrame height={Math.max(120, 28 * data.length + 40)} label={`${label}: ${data.map((count) => `${count.label} ${count.count}`).join(", ")}`} testId={testId}>
      <BarChart data={data} layout="vertical" margin={{ left: 8, right: 16 }}>
        <CartesianGrid horizontal={false} strokeOpacity={0.3} />
        <XAxis type="number" allowDecimals={false} tick={tick} />
        <YAxis type="category" dataKey="label" width={130} tick={tick} />
        <Tooltip {...tooltipStyle} />
        <Bar dataKey="count" name="patterns" fill={color} radius={[0, 4, 4, 0]} />
      </BarChart>
    </ChartFrame>
  );
}

/** Uses per day by outcome, and the day's success rate. */
export function UsageTrendChart({ days }: { days: UsageTrendDay[] }) {
  const data = days.map((day) => ({ ...day, date: day.date.slice(5), success: day.success_rate === null ? null : Math.round(day.success_rate * 100) }));
  const total = days.reduce((sum, day) => sum + day.successful + day.failed + day.partial + day.pending, 0);
  if (total === 0) {
    return (
      <div className="space-y-1 text-sm text-slate-600 dark:text-slate-300" data-testid="usage-empty">
        <p className="font-medium">No use of a pattern was reported in these {days.length} days.</p>
        <p>
          Uses come from outcomes: an agent reports one with <code className="font-mono">POST /api/v1/patterns/&lt;id&gt;/usage</code> after applying
          a pattern, and a person with “Report an outcome” on a pattern’s page. Success rates and these charts follow from them.
        </p>
      </div>
    );
  }
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <div className="min-w-0 space-y-1">
      <h3 className="text-sm font-medium text-slate-700 dark:text-slate-200">Uses per day, by outcome</h3>
      <ChartFrame label={`Uses per day: ${total} in ${days.length} days`} testId="chart-usage-trend">
        <BarChart data={data}>
          <CartesianGrid vertical={false} strokeOpacity={0.3} />
          <XAxis dataKey="date" tick={tick} minTickGap={16} />
          <YAxis allowDecimals={false} tick={tick} width={32} />
          <Tooltip {...tooltipStyle} />
          <Legend />
          <Bar dataKey="successful" stackId="u" fill="#10b981" />
          <Bar dataKey="partial" stackId="u" fill="#f59e0b" />
          <Bar dataKey="failed" stackId="u" fill="#ef4444" />
          <Bar dataKey="pending" stackId="u" fill="#94a3b8" />
        </BarChart>
      </ChartFrame>
      </div>
      <div className="min-w-0 space-y-1">
      <h3 className="text-sm font-medium text-slate-700 dark:text-slate-200">Success rate per day</h3>
      <ChartFrame label="Success rate per day" testId="chart-success-trend">
        <LineChart data={data}>
          <CartesianGrid vertical={false} strokeOpacity={0.3} />
          <XAxis dataKey="date" tick={tick} minTickGap={16} />
          <YAxis domain={[0, 100]} tick={tick} width={40} unit="%" />
          <Tooltip {...tooltipStyle} />
          <Line type="monotone" dataKey="success" name="success rate %" stroke="#6366f1" strokeWidth={2} connectNulls dot={{ r: 3 }} />
        </LineChart>
      </ChartFrame>
      </div>
    </div>
  );
}

/** Each pattern as a point: cyclomatic complexity across, quality up. */
export function ComplexityQualityChart({ points, onOpen }: { points: ComplexityPoint[]; onOpen: (id: string) => void }) {
  return (
    <ChartFrame height={300} label={`Complexity against quality for ${points.length} patterns`} testId="chart-complexity-quality">
      <ScatterChart margin={{ right: 16, bottom: 20, left: 8 }}>
        <CartesianGrid strokeOpacity={0.3} />
        <XAxis type="number" dataKey="complexity" name="complexity" tick={tick} allowDecimals={false}
          label={{ value: "Cyclomatic complexity", position: "insideBottom", offset: -12, fill: "currentColor", fontSize: 12 }} />
        <YAxis type="number" dataKey="quality_score" name="quality" domain={[0, 1]} tick={tick} width={48}
          label={{ value: "Quality score", angle: -90, position: "insideLeft", offset: 4, fill: "currentColor", fontSize: 12, style: { textAnchor: "middle" } }} />
        <ZAxis range={[40, 40]} />
        <Tooltip {...tooltipStyle} cursor={{ strokeDasharray: "3 3" }}
          formatter={(value, name) => (name === "quality" ? Number(value).toFixed(2) : value)} />
        <Scatter data={points} fill="#6366f1" fillOpacity={0.7} name="patterns" cursor="pointer"
          onClick={(point) => onOpen((point as unknown as { payload: ComplexityPoint }).payload.id)} />
      </ScatterChart>
    </ChartFrame>
  );
}
