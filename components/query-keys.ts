import type { QueryKey } from "@tanstack/react-query";
import type { PatternEvent } from "@/lib/realtime/client";

/**
 * The react-query keys the dashboard caches project data under, shared by the pages (which
 * read with them) and the live feed (which invalidates them when an event arrives). The
 * second element is the project reference the page holds, slug or id; the feed invalidates
 * both forms, and react-query matches by prefix, so a page may append filters:
 * `[...realtimeQueryKeys.patterns(slug), filters]`.
 */
export const realtimeQueryKeys = {
  /** The patterns table (any filters, sort and page appended). */
  patterns: (project: string) => ["patterns", project] as const,
  /** One pattern's detail page (its lineage, occurrences and usage appended). */
  pattern: (patternId: string) => ["pattern", patternId] as const,
  /** The insights charts. */
  insights: (project: string) => ["insights", project] as const,
  /** The relationship graph. */
  graph: (project: string) => ["graph", project] as const,
  /** The feed's own event list, for pages that read it through react-query. */
  events: (project: string) => ["pattern-events", project] as const,
  /** The project's background jobs (ingests, re-embeddings). */
  jobs: (project: string) => ["jobs", project] as const,
  /** The realtime transport config (`GET /api/v1/config`), read once per tab. */
  config: ["config"] as const,
};

/** The cache entries one event makes stale: the project's lists and charts, and its pattern. */
export function queryKeysForEvent(event: Pick<PatternEvent, "pattern_id">, projectReferences: readonly string[]): QueryKey[] {
  const keys: QueryKey[] = [];
  for (const project of new Set(projectReferences)) {
    keys.push(
      realtimeQueryKeys.patterns(project),
      realtimeQueryKeys.insights(project),
      realtimeQueryKeys.graph(project),
      realtimeQueryKeys.events(project),
    );
  }
  if (event.pattern_id) keys.push(realtimeQueryKeys.pattern(event.pattern_id));
  return keys;
}
