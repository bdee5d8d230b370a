import { filtersToQuery, type PatternFilters } from "./pattern-list-query";

const linkStyle =
  "inline-flex items-center rounded-md bg-white px-3 py-2 text-sm font-semibold text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50 dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-700 dark:hover:bg-slate-800";

/** Downloads of the patterns the table's filters select, as CSV and as JSON (every page, not just this one). */
export function ExportLinks({ slug, filters }: { slug: string; filters: PatternFilters }) {
  const href = (format: "csv" | "json") => {
    const query = filtersToQuery(filters);
    query.set("format", format);
    return `/api/v1/projects/${slug}/patterns/export?${query}`;
  };
  return (
    <div className="flex gap-2" role="group" aria-label="Export the filtered patterns">
      <a href={href("csv")} download className={linkStyle} data-testid="export-csv">Export CSV</a>
      <a href={href("json")} download className={linkStyle} data-testid="export-json">Export JSON</a>
    </div>
  );
}
