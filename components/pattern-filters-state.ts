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

/**
 * The filters live in the page's URL, so a filtered view can be bookmarked, shared, and
 * survives going to a pattern and back. Returns them and a function that changes some.
 */
export function usePatternFilters(): [PatternFilters, (changes: PatternFilters) => void] {
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
  const update = useCallback(
    (changes: PatternFilters) => {
      const query = filtersToQuery({ ...filters, ...changes });
      router.replace(query.size > 0 ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [filters, pathname, router],
  );
  return [filters, update];
}
