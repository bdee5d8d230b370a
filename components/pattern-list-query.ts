import { realtimeQueryKeys } from "./query-keys";

/** The patterns table's filters and order, as the list and export APIs name them. */
export const filterKeys = [
  "pattern_types",
  "kinds",
  "languages",
  "tags",
  "statuses",
  "min_quality_score",
  "max_quality_score",
  "q",
  "recurring",
  "repositories",
  "sort",
  "order",
] as const;
export type FilterKey = (typeof filterKeys)[number];
export type PatternFilters = Partial<Record<FilterKey, string>>;

/** Rows on one page of the patterns table. */
export const patternPageSize = 25;

/** The filters as a query string for the APIs (empty values left out). */
export function filtersToQuery(filters: PatternFilters): URLSearchParams {
  const query = new URLSearchParams();
  for (const key of filterKeys) {
    const value = filters[key]?.trim();
    if (value) query.set(key, value);
  }
  return query;
}

/** The filters and page a patterns URL holds (a 1-based page; anything else is page 1). */
export function readPatternListUrl(read: (key: string) => string | null | undefined): { filters: PatternFilters; page: number } {
  const filters: PatternFilters = {};
  for (const key of filterKeys) {
    const value = read(key);
    if (value) filters[key] = value;
  }
  return { filters, page: Math.max(1, Math.floor(Number(read("page"))) || 1) };
}

/** `GET /api/v1/patterns`'s query for one page of the table. */
export function patternPageQuery(slug: string, filters: PatternFilters, page: number): URLSearchParams {
  const query = filtersToQuery(filters);
  query.set("project", slug);
  query.set("limit", String(patternPageSize));
  query.set("page", String(page));
  query.set("include_total", "true");
  return query;
}

/**
 * The cache keys of the patterns page's reads, shared by the table (which reads with them) and
 * the server page (which fills them before the first paint, so the table needs no round trip).
 */
export const patternListKeys = {
  page: (slug: string, filters: PatternFilters, page: number) => [...realtimeQueryKeys.patterns(slug), "page", filtersToQuery(filters).toString(), page] as const,
  occurrenceCounts: (slug: string, ids: string[]) => [...realtimeQueryKeys.patterns(slug), "occurrence-counts", ids] as const,
  repositories: (slug: string) => ["repositories", slug] as const,
};
