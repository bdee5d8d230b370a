"use client";

import Link from "next/link";
import { formatPercent } from "./format";
import { IngestEmptyState } from "./ingest-empty-state";
import { useInsights } from "./insights-dashboard";
import { useProject } from "./use-project";
import { ErrorMessage } from "./ui/error-message";
import { Skeleton } from "./ui/skeleton";

const pages = [
  { path: "patterns", title: "Patterns", text: "Search by intent, filter, sort and export the team's patterns." },
  { path: "graph", title: "Graph", text: "How patterns use, extend, compose and resemble each other." },
  { path: "insights", title: "Insights", text: "Quality tiers, kinds, usage and success trends." },
  { path: "feed", title: "Live feed", text: "What the team discovers and uses, as it happens." },
  { path: "ingest", title: "Ingest", text: "Paste or upload code and extract its patterns." },
  { path: "settings", title: "Settings", text: "Members and API keys." },
];

function Totals({ slug }: { slug: string }) {
  const insights = useInsights(slug);
  if (insights.error) return <ErrorMessage error={insights.error} testId="overview-error" />;
  if (!insights.data) return <Skeleton className="h-20 w-full" />;
  const { totals } = insights.data;
  if (totals.patterns === 0) return <IngestEmptyState slug={slug} />;
  const items = [
    { label: "Patterns", value: totals.patterns, testId: "total-patterns" },
    { label: "Occurrences", value: totals.occurrences, testId: "total-occurrences" },
    { label: "Relationships", value: totals.relationships, testId: "total-relationships" },
    { label: "Average quality", value: formatPercent(totals.avg_quality), testId: "total-quality" },
    { label: "Uses reported", value: totals.usage, testId: "total-usage" },
  ];
  return (
    <dl className="grid grid-cols-2 gap-4 sm:grid-cols-5" data-testid="overview-totals">
      {items.map((item) => (
        <div key={item.label} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">
          <dt className="text-xs text-slate-500 dark:text-slate-400">{item.label}</dt>
          <dd className="text-2xl font-semibold tabular-nums" data-testid={item.testId}>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A project's front page: its headline numbers and a way into each of its pages. */
export function ProjectOverview({ slug }: { slug: string }) {
  const project = useProject(slug);
  if (project.error) return <ErrorMessage error={project.error} testId="project-error" />;
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight" data-testid="project-title">{project.data?.name ?? slug}</h1>
        <p className="text-sm text-slate-500 dark:text-slate-400">{slug}{project.data?.role && ` · your role: ${project.data.role}`}</p>
      </header>
      <Totals slug={slug} />
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {pages.map((page) => (
          <li key={page.path}>
            <Link href={`/projects/${slug}/${page.path}`} data-testid={`overview-link-${page.path}`}
              className="block h-full rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 hover:ring-indigo-400 dark:bg-slate-900 dark:ring-slate-800 dark:hover:ring-indigo-500">
              <span className="font-semibold text-indigo-700 dark:text-indigo-300">{page.title} →</span>
              <span className="mt-1 block text-sm text-slate-600 dark:text-slate-300">{page.text}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
