"use client";

import { usePatternFeed } from "./use-pattern-feed";

/**
 * Keeps a project's pages fresh without a reload: it holds the project's live feed and each
 * burst of events invalidates the patterns table, the charts, the graph and the open pattern
 * (`realtimeQueryKeys`). Place it once in the project's frame; it shows only a small dot
 * that says whether updates are live.
 */
export function LiveRefresh({ slug }: { slug: string }) {
  const feed = usePatternFeed(slug, { limit: 1 });
  const live = feed.status === "live";
  return (
    <span data-testid="live-refresh" data-status={feed.status} title={live ? "Updates live" : "Live updates paused"}
      className="inline-flex items-center gap-1.5 text-xs text-slate-500 dark:text-slate-400">
      <span aria-hidden="true" className={`h-2 w-2 rounded-full ${live ? "bg-emerald-500" : "bg-slate-300 dark:bg-slate-600"}`} />
      <span className="sr-only sm:not-sr-only">{live ? "Live" : "Offline"}</span>
    </span>
  );
}
