"use client";

import Link from "next/link";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { PatternView } from "@/lib/patterns";
import { apiFetch } from "./api-client";
import { formatDate, formatLabel, formatPercent } from "./format";
import { filtersToQuery, patternListKeys, patternPageQuery, patternPageSize as pageSize, type PatternFilters } from "./pattern-list-query";
import { IngestEmptyState } from "./ingest-empty-state";
import { useHydrated } from "./use-hydrated";
import { QualityBadge } from "./quality-badge";
import { Button } from "./ui/button";
import { ErrorMessage } from "./ui/error-message";
import { ListSkeleton } from "./ui/skeleton";

type SortableColumn = "name" | "quality_score" | "usage_count" | "success_rate";

function SortHeader({ label, column, filters, onSort }: {
  label: string;
  column: SortableColumn;
  filters: PatternFilters;
  onSort: (changes: PatternFilters) => void;
}) {
  // The list's default order is "prominence" (design patterns and recurring shapes first), which no column header stands for.
  const active = (filters.sort ?? "prominence") === column;
  const order = filters.order ?? "desc";
  const next = active && order === "desc" ? "asc" : "desc";
  return (
    <th scope="col" aria-sort={active ? (order === "asc" ? "ascending" : "descending") : "none"} className="px-3 py-2">
      <button type="button" className="inline-flex items-center gap-1 font-semibold" data-testid={`sort-${column}`}
        onClick={() => onSort({ sort: column, order: next })}>
        {label}
        <span aria-hidden="true" className="text-slate-400">{active ? (order === "asc" ? "▲" : "▼") : "↕"}</span>
      </button>
    </th>
  );
}

function PatternRow({ slug, pattern, occurrences, repositories }: { slug: string; pattern: PatternView; occurrences: number | undefined; repositories: string[] | undefined }) {
  return (
    <tr className="hover:bg-slate-50 dark:hover:bg-slate-800/50" data-testid="pattern-row" data-leads={pattern.kind !== null || pattern.recurring ? "true" : "false"}>
      <td className="max-w-xs px-3 py-2">
        <Link href={`/projects/${slug}/patterns/${pattern.id}`} data-testid="pattern-link"
          className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">{pattern.name}</Link>
        {pattern.recurring && <span className="ml-2 text-xs text-emerald-700 dark:text-emerald-400" data-testid="pattern-recurs" title="≥ 2 occurrences, or called from ≥ 3 places">recurs</span>}
        {pattern.status !== "active" && <span className="ml-2 text-xs text-slate-500 dark:text-slate-400">{pattern.status}</span>}
      </td>
      <td className="px-3 py-2" data-testid="pattern-type">{formatLabel(pattern.pattern_type)}</td>
      <td className="px-3 py-2" data-testid="pattern-kind">{formatLabel(pattern.kind)}</td>
      <td className="px-3 py-2">{pattern.language ?? "—"}</td>
      <td className="max-w-[12rem] truncate px-3 py-2 font-mono text-xs" data-testid="pattern-repositories" title={repositories?.join(", ")}>
        {repositories === undefined ? "…" : repositories.map((name) => name || "(unnamed)").join(", ") || "—"}
      </td>
      <td className="px-3 py-2" data-testid="pattern-quality"><QualityBadge score={pattern.quality_score} /></td>
      <td className="px-3 py-2 text-right tabular-nums" data-testid="pattern-occurrences">{occurrences ?? "…"}</td>
      <td className="px-3 py-2 text-right tabular-nums" data-testid="pattern-usage">{pattern.usage_count}</td>
      <td className="px-3 py-2 text-right tabular-nums" data-testid="pattern-success-rate">{formatPercent(pattern.success_rate)}</td>
      <td className="whitespace-nowrap px-3 py-2 text-slate-500 dark:text-slate-400">{formatDate(pattern.last_used_at)}</td>
    </tr>
  );
}

function useOccurrenceCounts(slug: string, patterns: PatternView[] | undefined) {
  const ids = patterns?.map((pattern) => pattern.id) ?? [];
  return useQuery({
    queryKey: patternListKeys.occurrenceCounts(slug, ids),
    queryFn: () =>
      apiFetch<{ counts: Record<string, number>; repositories: Record<string, string[]> }>(`/api/v1/projects/${slug}/patterns/occurrence-counts?ids=${ids.join(",")}`),
    enabled: ids.length > 0,
    // Filled by the server with the page on a first visit: not asked again at once.
    staleTime: 10_000,
  });
}

type Page = { patterns: PatternView[]; next_cursor: string | null; total?: number };

function usePatternPage(slug: string, filters: PatternFilters, page: number) {
  return useQuery({
    queryKey: patternListKeys.page(slug, filters, page),
    queryFn: () => apiFetch<Page>(`/api/v1/patterns?${patternPageQuery(slug, filters, page)}`),
    placeholderData: keepPreviousData,
    // Filled by the server on a first visit (the page's HTML holds the rows): not asked again at
    // once. Events invalidate it as before.
    staleTime: 10_000,
  });
}

function Pager({ page, total, hasNext, onPage }: { page: number; total: number | undefined; hasNext: boolean; onPage: (page: number) => void }) {
  const pages = total === undefined ? undefined : Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-2 text-sm">
      <span className="text-slate-600 dark:text-slate-300" data-testid="patterns-page">
        Page {page.toLocaleString()}{pages !== undefined ? ` of ${pages.toLocaleString()}` : ""}
        {total !== undefined && <> · <span data-testid="patterns-total">{total.toLocaleString()}</span> pattern{total === 1 ? "" : "s"}</>}
      </span>
      <div className="flex gap-2">
        <Button variant="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)} data-testid="patterns-previous">Previous</Button>
        <Button variant="secondary" disabled={!hasNext} onClick={() => onPage(page + 1)} data-testid="patterns-next">Next</Button>
      </div>
    </nav>
  );
}

/** One page of the patterns table, numbered, with the total the filters match; filters and page come from the URL. */
export function PatternTable({ slug, filters, page, onSort, onPage }: {
  slug: string;
  filters: PatternFilters;
  page: number;
  onSort: (changes: PatternFilters) => void;
  onPage: (page: number) => void;
}) {
  const current = usePatternPage(slug, filters, page);
  const details = useOccurrenceCounts(slug, current.data?.patterns);
  const hydrated = useHydrated();
  if (current.error) return <ErrorMessage error={current.error} testId="patterns-error" />;
  if (!current.data) return <ListSkeleton rows={8} label="Loading patterns" testId="patterns-loading" />;
  if (current.data.total === 0 && filtersToQuery(filters).size === 0) return <IngestEmptyState slug={slug} />;
  return (
    <div className="space-y-3">
      {/* relative: the sr-only text inside is absolutely positioned and must scroll with the table. */}
      <div className="relative overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">
        <table className="min-w-full divide-y divide-slate-200 text-left text-sm dark:divide-slate-800" data-testid="pattern-table"
          aria-busy={current.isFetching} data-page={page} data-interactive={hydrated}>
          <caption className="sr-only">Patterns of this project</caption>
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600 dark:bg-slate-800/60 dark:text-slate-300">
            <tr>
              <SortHeader label="Name" column="name" filters={filters} onSort={onSort} />
              <th scope="col" className="px-3 py-2">Type</th>
              <th scope="col" className="px-3 py-2">Kind</th>
              <th scope="col" className="px-3 py-2">Language</th>
              <th scope="col" className="px-3 py-2">Repository</th>
              <SortHeader label="Quality" column="quality_score" filters={filters} onSort={onSort} />
              <th scope="col" className="px-3 py-2 text-right">Occurrences</th>
              <SortHeader label="Usage" column="usage_count" filters={filters} onSort={onSort} />
              <SortHeader label="Success" column="success_rate" filters={filters} onSort={onSort} />
              <th scope="col" className="px-3 py-2">Last used</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {current.data.patterns.map((pattern) => (
              <PatternRow key={pattern.id} slug={slug} pattern={pattern} occurrences={details.data?.counts[pattern.id]} repositories={details.data?.repositories[pattern.id]} />
            ))}
          </tbody>
        </table>
        {current.data.patterns.length === 0 && (
          <p className="px-4 py-6 text-sm text-slate-600 dark:text-slate-300" data-testid="patterns-no-match">
            {page > 1 ? "This page is past the last one." : "No pattern matches these filters. Clear some filters to see more."}
          </p>
        )}
      </div>
      <Pager page={page} total={current.data.total} hasNext={Boolean(current.data.next_cursor)} onPage={onPage} />
      <p className="sr-only" aria-live="polite">{current.isFetching ? "Updating patterns" : `${current.data.patterns.length} patterns shown`}</p>
    </div>
  );
}
