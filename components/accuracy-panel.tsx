"use client";

import { useQuery } from "@tanstack/react-query";
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { AccuracyWeek, KindAccuracy, ProjectAccuracy, RelationshipPrecision } from "@/lib/domain";
import { realtimeQueryKeys } from "./query-keys";
import { apiFetch } from "./api-client";
import { ChartFrame, tick, tooltipStyle } from "./chart-frame";
import { formatLabel, formatPercent } from "./format";
import { Card } from "./ui/card";
import { ErrorMessage } from "./ui/error-message";
import { Skeleton } from "./ui/skeleton";

const lineColors = ["#6366f1", "#10b981", "#f59e0b", "#ef4444", "#0ea5e9", "#a855f7", "#64748b"];

function Slipping() {
  return <span className="rounded bg-rose-100 px-1.5 py-0.5 text-xs font-medium text-rose-800 dark:bg-rose-900/50 dark:text-rose-200">below threshold</span>;
}

function KindTable({ kinds }: { kinds: KindAccuracy[] }) {
  return (
    <table className="w-full text-sm" data-testid="accuracy-kinds">
      <thead className="text-left text-xs text-slate-500 dark:text-slate-400">
        <tr><th className="py-1 font-medium">Kind</th><th className="font-medium">Accuracy</th><th className="font-medium">Verdicts</th><th className="font-medium">Uses that worked</th></tr>
      </thead>
      <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
        {kinds.map((row) => {
          const uses = row.successful + row.failed + row.partial;
          return (
            <tr key={row.kind} data-testid={`accuracy-kind-${row.kind}`}>
              <td className="py-1.5">{formatLabel(row.kind)}</td>
              <td className="space-x-2">{formatPercent(row.accuracy)} {row.below_threshold ? <Slipping /> : null}</td>
              <td className="text-slate-500 dark:text-slate-400">{row.confirmed} confirmed · {row.contradicted} contradicted</td>
              <td className="text-slate-500 dark:text-slate-400">{uses === 0 ? "—" : `${row.successful} of ${uses}`}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function RelationshipList({ relationships }: { relationships: RelationshipPrecision[] }) {
  if (relationships.length === 0) return <p className="text-sm text-slate-500 dark:text-slate-400">No verdict on a relationship yet (a validation whose evidence names a relationship_type).</p>;
  return (
    <ul className="flex flex-wrap gap-4 text-sm" data-testid="accuracy-relationships">
      {relationships.map((row) => (
        <li key={row.relationship_type} className="space-x-2">
          <span className="font-medium">{row.relationship_type}</span>
          <span>precision {formatPercent(row.precision)}</span>
          <span className="text-slate-500 dark:text-slate-400">({row.confirmed} of {row.confirmed + row.contradicted})</span>
          {row.below_threshold ? <Slipping /> : null}
        </li>
      ))}
    </ul>
  );
}

function WeeklyChart({ weekly, threshold }: { weekly: AccuracyWeek[]; threshold: number }) {
  const kinds = [...new Set(weekly.map((row) => row.kind))];
  const weeks = [...new Set(weekly.map((row) => row.week))];
  const data = weeks.map((week) => Object.fromEntries([["week", week.slice(5)], ...weekly.filter((row) => row.week === week).map((row) => [row.kind, Math.round(row.accuracy * 100)])]));
  return (
    <ChartFrame label={`Weekly detector accuracy for ${kinds.length} kinds over ${weeks.length} weeks`} testId="chart-accuracy-weekly">
      <LineChart data={data}>
        <CartesianGrid vertical={false} strokeOpacity={0.3} />
        <XAxis dataKey="week" tick={tick} />
        <YAxis domain={[0, 100]} tick={tick} width={36} unit="%" />
        <Tooltip {...tooltipStyle} />
        <Legend />
        <ReferenceLine y={threshold * 100} stroke="#ef4444" strokeDasharray="4 4" />
        {kinds.map((kind, index) => <Line key={kind} type="monotone" dataKey={kind} name={formatLabel(kind)} stroke={lineColors[index % lineColors.length]} strokeWidth={2} connectNulls dot={{ r: 3 }} />)}
      </LineChart>
    </ChartFrame>
  );
}

/**
 * The Accuracy panel of Insights: how often verdicts (people, agents, LLM review) confirm what the
 * detectors said, per design-pattern kind and per relationship type, week by week, against the
 * alert threshold.
 */
export function AccuracyPanel({ slug }: { slug: string }) {
  const accuracy = useQuery({
    queryKey: [...realtimeQueryKeys.insights(slug), "accuracy"],
    queryFn: () => apiFetch<{ accuracy: ProjectAccuracy }>(`/api/v1/projects/${slug}/accuracy?weeks=12`).then((body) => body.accuracy),
  });
  if (accuracy.error) return <ErrorMessage error={accuracy.error} testId="accuracy-error" />;
  if (!accuracy.data) return <Skeleton className="h-48" />;
  const { kinds, relationships, weekly, settings } = accuracy.data;
  return (
    <Card title="Accuracy" className="md:col-span-2" testId="accuracy-panel">
      <p className="text-xs text-slate-500 dark:text-slate-400">
        Share of verdicts that confirmed the detector; a kind below {formatPercent(settings.threshold)} over at least {settings.minVerdicts} verdicts is flagged in the feed and in /api/health.
      </p>
      {kinds.length === 0 ? <p className="text-sm" data-testid="accuracy-empty">No pattern with a design-pattern kind has a verdict yet: confirm or contradict patterns to measure the detectors.</p> : <KindTable kinds={kinds} />}
      {weekly.length > 0 ? <WeeklyChart weekly={weekly} threshold={settings.threshold} /> : null}
      <h3 className="text-sm font-semibold">Relationship precision</h3>
      <RelationshipList relationships={relationships} />
    </Card>
  );
}
