"use client";

import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from "recharts";
import type { PatternView } from "@/lib/patterns";
import { ChartFrame, tick, tooltipStyle } from "./chart-frame";
import { formatPercent } from "./format";

// DESIGN §4's weights, shown beside each part so the score can be read off the chart.
const parts = [
  { key: "complexity", label: "Complexity", weight: 0.3 },
  { key: "documentation", label: "Documentation", weight: 0.2 },
  { key: "test_coverage", label: "Test coverage", weight: 0.2 },
  { key: "reusability", label: "Reusability", weight: 0.15 },
  { key: "maintainability", label: "Maintainability", weight: 0.15 },
] as const;

/** The quality score and its five parts as a bar chart (a part without data says so). */
export function QualityChart({ quality }: { quality: PatternView["quality"] }) {
  const data = parts.map((part) => ({ name: part.label, weight: part.weight, value: quality[part.key] }));
  const summary = data.map((part) => `${part.name} ${formatPercent(part.value)}`).join(", ");
  return (
    <div className="space-y-2" data-testid="quality-chart">
      <p className="text-sm">
        Score <strong className="text-2xl tabular-nums" data-testid="quality-score">{formatPercent(quality.score)}</strong>
      </p>
      <ChartFrame height={200} label={`Quality parts: ${summary}`}>
        <BarChart data={data.map((part) => ({ ...part, value: part.value ?? 0 }))} layout="vertical" margin={{ left: 8, right: 16 }}>
          <CartesianGrid horizontal={false} strokeOpacity={0.3} />
          <XAxis type="number" domain={[0, 1]} tick={tick} tickFormatter={(value: number) => `${Math.round(value * 100)}%`} />
          <YAxis type="category" dataKey="name" width={110} tick={tick} />
          <Tooltip {...tooltipStyle} formatter={(value) => formatPercent(Number(value))} />
          <Bar dataKey="value" name="score" radius={[0, 4, 4, 0]}>
            {data.map((part) => (
              <Cell key={part.name} fill={part.value === null ? "#cbd5e1" : "#6366f1"} />
            ))}
          </Bar>
        </BarChart>
      </ChartFrame>
      <ul className="grid grid-cols-2 gap-x-4 text-xs text-slate-600 sm:grid-cols-3 dark:text-slate-300" data-testid="quality-parts">
        {data.map((part) => (
          <li key={part.name}>
            {part.name} (×{part.weight}): <span className="tabular-nums">{part.value === null ? "no data" : formatPercent(part.value)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
