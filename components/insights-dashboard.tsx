"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import type { ProjectInsights } from "@/lib/db";
import { realtimeQueryKeys } from "./query-keys";
import { AccuracyPanel } from "./accuracy-panel";
import { apiFetch } from "./api-client";
import { formatLabel, formatPercent } from "./format";
import { ComplexityQualityChart, CountChart, QualityTierChart, UsageTrendChart } from "./insight-charts";
import { IngestEmptyState } from "./ingest-empty-state";
import { QualityBadge } from "./quality-badge";
import { Card } from "./ui/card";
import { ErrorMessage } from "./ui/error-message";
import { Skeleton } from "./ui/skeleton";

/** The react-query read of a project's insights, shared by the overview and the insights page. */
export function useInsights(slug: string) {
  return useQuery({
    queryKey: [...realtimeQueryKeys.insights(slug), 30],
    queryFn: () => apiFetch<{ insights: ProjectInsights }>(`/api/v1/projects/${slug}/insights?days=30`).then((body) => body.insights),
  });
}

function TopPatterns({ slug, patterns }: { slug: string; patterns: ProjectInsights["top_patterns"] }) {
  return (
    <ol className="divide-y divide-slate-100 text-sm dark:divide-slate-800" data-testid="top-patterns">
      {patterns.map((pattern) => (
        <li key={pattern.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
          <Link href={`/projects/${slug}/patterns/${pattern.id}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">{pattern.name}</Link>
          <span className="flex items-center gap-3 text-xs text-slate-500 dark:text-slate-400">
            {formatLabel(pattern.kind ?? pattern.pattern_type)} · {pattern.usage_count} uses · {formatPercent(pattern.success_rate)} success
            <QualityBadge score={pattern.quality_score} />
          </span>
        </li>
      ))}
    </ol>
  );
}

/** The insights page: quality tiers, patterns by type and kind, usage and success trends, top patterns, complexity against quality. */
export function InsightsDashboard({ slug }: { slug: string }) {
  const router = useRouter();
  const insights = useInsights(slug);
  if (insights.error) return <ErrorMessage error={insights.error} testId="insights-error" />;
  if (!insights.data) {
    return <div className="grid gap-6 md:grid-cols-2" role="status"><span className="sr-only">Loading insights</span>{[1, 2, 3, 4].map((key) => <Skeleton key={key} className="h-64" />)}</div>;
  }
  const data = insights.data;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Insights</h1>
      {data.totals.patterns === 0 ? <IngestEmptyState slug={slug} testId="insights-empty" /> : (
        <div className="grid gap-6 md:grid-cols-2">
          <Card title="Quality distribution"><QualityTierChart tiers={data.quality_tiers} /></Card>
          <Card title="Top patterns"><TopPatterns slug={slug} patterns={data.top_patterns} /></Card>
          <Card title="Patterns by type"><CountChart counts={data.by_type} label="Patterns by type" color="#6366f1" testId="chart-by-type" /></Card>
          <Card title="Patterns by design-pattern kind">
            {data.by_kind.length === 0 ? <p className="text-sm">No design-pattern kind was detected.</p>
              : <CountChart counts={data.by_kind} label="Patterns by kind" color="#10b981" testId="chart-by-kind" />}
          </Card>
          <Card title="Usage and success over 30 days" className="md:col-span-2"><UsageTrendChart days={data.usage_trend} /></Card>
          <Card title="Complexity against quality" className="md:col-span-2">
            <ComplexityQualityChart points={data.complexity_vs_quality} onOpen={(id) => router.push(`/projects/${slug}/patterns/${id}`)} />
          </Card>
          <AccuracyPanel slug={slug} />
        </div>
      )}
    </div>
  );
}
