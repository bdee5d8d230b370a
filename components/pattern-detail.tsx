"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import type { PatternDetails } from "@/lib/patterns";
import { realtimeQueryKeys } from "./query-keys";
import { apiFetch } from "./api-client";
import { CodeView } from "./code-view";
import { formatDate, formatLabel, formatPercent, formatScore } from "./format";
import { LineageTimeline } from "./lineage-timeline";
import { ModelDescription } from "./model-description";
import { OccurrenceList } from "./occurrence-list";
import { PatternStatusActions } from "./pattern-status-actions";
import { QualityChart } from "./quality-chart";
import { RelationshipList } from "./relationship-list";
import { UsageChart } from "./usage-chart";
import { UsageReportForm } from "./usage-report-form";
import { canWrite, useProject } from "./use-project";
import { Card } from "./ui/card";
import { ErrorMessage } from "./ui/error-message";
import { ListSkeleton } from "./ui/skeleton";

function Stat({ label, value, testId }: { label: string; value: string | number; testId?: string }) {
  return (
    <div>
      <dt className="text-xs text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums" data-testid={testId}>{value}</dd>
    </div>
  );
}

function PatternStats({ pattern }: { pattern: PatternDetails }) {
  const metrics = (pattern.content.metrics ?? {}) as Record<string, number | undefined>;
  return (
    <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4" data-testid="pattern-stats">
      <Stat label="Cyclomatic complexity" value={pattern.complexity ?? "—"} testId="pattern-complexity" />
      <Stat label="Cognitive complexity" value={metrics.cognitive ?? "—"} />
      <Stat label="Max nesting" value={metrics.max_nesting ?? "—"} />
      <Stat label="Lines of code" value={metrics.lines_of_code ?? "—"} />
      <Stat label="Uses reported" value={pattern.usage_count} testId="pattern-usage-count" />
      <Stat label="Success rate" value={formatPercent(pattern.success_rate)} testId="pattern-success-rate" />
      <Stat label="Average rating" value={pattern.avg_rating === null ? "—" : `${pattern.avg_rating.toFixed(1)} / 5`} testId="pattern-rating" />
      <Stat label="Matched by agents (API keys)" value={pattern.agent_match_count} testId="pattern-agent-matches" />
      <Stat label="Found by people’s searches" value={pattern.match_count - pattern.agent_match_count} testId="pattern-people-matches" />
    </dl>
  );
}

function PatternHeader({ pattern }: { pattern: PatternDetails }) {
  return (
    <header className="space-y-2">
      <h1 className="text-2xl font-semibold tracking-tight" data-testid="pattern-name">{pattern.name}</h1>
      <p className="flex flex-wrap gap-x-3 gap-y-1 text-sm text-slate-600 dark:text-slate-300">
        <span data-testid="pattern-detail-type">{formatLabel(pattern.pattern_type)}</span>
        {pattern.kind && <span data-testid="pattern-detail-kind">{formatLabel(pattern.kind)}</span>}
        {pattern.language && <span>{pattern.language}{pattern.framework ? ` · ${pattern.framework}` : ""}</span>}
        <span>version {pattern.version}</span>
        <span data-testid="pattern-status">{pattern.status}</span>
        <span>confidence {formatScore(pattern.confidence)}</span>
        <span>updated {formatDate(pattern.updated_at)}</span>
      </p>
      {pattern.description && <p className="max-w-3xl text-sm">{pattern.description}</p>}
      {pattern.tags.length > 0 && (
        <ul className="flex flex-wrap gap-1" aria-label="Tags">
          {pattern.tags.map((tag) => (
            <li key={tag} className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-200">{tag}</li>
          ))}
        </ul>
      )}
    </header>
  );
}

/** A pattern's page: code, quality, complexity, occurrences, lineage, relationships, usage and actions. */
export function PatternDetail({ slug, patternId }: { slug: string; patternId: string }) {
  const project = useProject(slug);
  const detail = useQuery({
    queryKey: [...realtimeQueryKeys.pattern(patternId), "detail"],
    queryFn: () => apiFetch<{ pattern: PatternDetails }>(`/api/v1/patterns/${patternId}`).then((body) => body.pattern),
  });
  if (detail.error) return <ErrorMessage error={detail.error} testId="pattern-error" />;
  if (!detail.data) return <ListSkeleton rows={10} label="Loading the pattern" testId="pattern-loading" />;
  const pattern = detail.data;
  return (
    <div className="space-y-6">
      <Link href={`/projects/${slug}/patterns`} className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">← Patterns</Link>
      <PatternHeader pattern={pattern} />
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <div className="min-w-0 space-y-6">
          <Card title="Code"><CodeView code={pattern.code ?? ""} language={pattern.language} /></Card>
          <Card title={`Occurrences (${pattern.occurrences.length})`}><OccurrenceList occurrences={pattern.occurrences} /></Card>
          <Card title="Usage over 30 days"><UsageChart patternId={patternId} /></Card>
        </div>
        <div className="min-w-0 space-y-6">
          <Card title="Quality"><QualityChart quality={pattern.quality} /></Card>
          <Card title="Numbers"><PatternStats pattern={pattern} /></Card>
          <Card title="Described by a model"><ModelDescription pattern={pattern} /></Card>
          {canWrite(project.data?.role) && (
            <Card title="Rate it or report an outcome"><UsageReportForm slug={slug} patternId={patternId} /></Card>
          )}
          <Card title="Lifecycle"><PatternStatusActions slug={slug} pattern={pattern} role={project.data?.role ?? null} /></Card>
          <Card title="Versions"><LineageTimeline slug={slug} patternId={patternId} /></Card>
          <Card title="Relationships"><RelationshipList slug={slug} relationships={pattern.relationships} /></Card>
        </div>
      </div>
    </div>
  );
}
