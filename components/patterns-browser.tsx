"use client";

import { PatternFilterForm } from "./pattern-filter-form";
import { usePatternFilters } from "./pattern-filters-state";
import { PatternSearch } from "./pattern-search";
import { PatternTable } from "./pattern-table";
import { ExportLinks } from "./export-links";

/** The patterns page: search by intent, then the filterable, sortable, exportable table. */
export function PatternsBrowser({ slug }: { slug: string }) {
  const { filters, page, setFilters, setPage } = usePatternFilters();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">Patterns</h1>
        <ExportLinks slug={slug} filters={filters} />
      </div>
      <PatternSearch slug={slug} />
      <PatternFilterForm slug={slug} filters={filters} onChange={setFilters} />
      <PatternTable slug={slug} filters={filters} page={page} onSort={setFilters} onPage={setPage} />
    </div>
  );
}
