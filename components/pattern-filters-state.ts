"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";

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
  "repositories",
  "sort",
  "order",
] as const;
export type FilterKey = (typeof filterKeys)[number];
export type PatternFilters = Partial<Record<FilterKey, string>>;

/** The filters as a query string for the APIs (empty values left out). */
export function filtersToQuery(filters: PatternFilters): URLSearchParams {
  const query = new URLSearchParams();
  for (const key of filterKeys) {
    const value = filters[key]?.trim();
    if (value) query.set(key, value);
  }
  return query;
}

/** The patterns page's state in its URL: the filters, the page number, and how to change either. */
export interface PatternListState {
  filters: PatternFilters;
  /** 1-based. */
  page: number;
  /** Changes some filters (and goes back to page 1). */
  setFilters: (changes: PatternFilters) => void;
  /** Moves to a page (a history entry, so Back returns to the page before). */
  setPage: (page: number) => void;
}

/**
 * The filters and the page live in the page's URL, so a filtered view can be bookmarked,
 * shared, reloaded, and survives going to a pattern and back.
 */
export function usePatternFilters(): PatternListState {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filters = useMemo(() => {
    const read: PatternFilters = {};
    for (const key of filterKeys) {
      const value = searchParams.get(key);
      if (value) read[key] = value;
    }
    return read;
  }, [searchParams]);
  const page = Math.max(1, Math.floor(Number(searchParams.get("page"))) || 1);
  const setFilters = useCallback(
    (changes: PatternFilters) => {
      const query = filtersToQuery({ ...filters, ...changes });
      router.replace(query.size > 0 ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [filters, pathname, router],
  );
  const setPage = useCallback(
    (next: number) => {
      const query = filtersToQuery(filters);
      if (next > 1) query.set("page", String(next));
      router.push(query.size > 0 ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [filters, pathname, router],
  );
  return { filters, page, setFilters, setPage };
}
