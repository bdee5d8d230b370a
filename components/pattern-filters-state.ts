"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { filtersToQuery, readPatternListUrl, type PatternFilters } from "./pattern-list-query";

export { filterKeys, filtersToQuery, type FilterKey, type PatternFilters } from "./pattern-list-query";

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
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const { filters, page } = useMemo(() => readPatternListUrl((key) => searchParams.get(key)), [searchParams]);
  const setFilters = useCallback(
    (changes: PatternFilters) => {
      const query = filtersToQuery({ ...filters, ...changes });
      // The history API, not the router: Next.js keeps useSearchParams in step without asking the
      // server for the page again (its first read is for a first visit; the table's query reads the rest).
      window.history.replaceState(null, "", query.size > 0 ? `${pathname}?${query}` : pathname);
    },
    [filters, pathname],
  );
  const setPage = useCallback(
    (next: number) => {
      const query = filtersToQuery(filters);
      if (next > 1) query.set("page", String(next));
      window.history.pushState(null, "", query.size > 0 ? `${pathname}?${query}` : pathname);
    },
    [filters, pathname],
  );
  return { filters, page, setFilters, setPage };
}
