"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useMemo, useRef } from "react";
import type { PatternEvent, PatternFeedStatus, RealtimeConfig } from "@/lib/realtime/client";
import { apiFetch } from "./api-client";
import { FeedEntry } from "./feed-entry";
import { usePatternFeed } from "./use-pattern-feed";
import { Button } from "./ui/button";
import { EmptyState } from "./ui/empty-state";
import { ErrorMessage } from "./ui/error-message";
import { ListSkeleton } from "./ui/skeleton";

/** Entries per page of the feed. */
const pageSize = 30;

const statusLabels: Record<PatternFeedStatus, string> = {
  idle: "Paused",
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  unauthorized: "Signed out",
  not_found: "Not available",
  error: "Stopped",
};

const statusColours: Partial<Record<PatternFeedStatus, string>> = {
  live: "bg-emerald-500",
  unauthorized: "bg-red-500",
  not_found: "bg-red-500",
  error: "bg-red-500",
};

function StatusPill({ status }: { status: PatternFeedStatus }) {
  return (
    <span role="status" data-testid="feed-status" data-status={status}
      className="inline-flex items-center gap-2 rounded-full bg-slate-100 px-3 py-1 text-xs font-medium text-slate-700 dark:bg-slate-800 dark:text-slate-200">
      <span aria-hidden="true" className={`h-2 w-2 rounded-full ${statusColours[status] ?? "bg-amber-500"}`} />
      {statusLabels[status]}
    </span>
  );
}

type EntriesPage = { events: PatternEvent[]; next: number | null };

/** The feed's entries page by page, newest first (older pages as one scrolls). */
function useFeedEntries(slug: string) {
  return useInfiniteQuery({
    queryKey: ["feed-entries", slug],
    queryFn: ({ pageParam }) =>
      apiFetch<EntriesPage>(`/api/v1/projects/${encodeURIComponent(slug)}/events/entries?limit=${pageSize}${pageParam ? `&before=${pageParam}` : ""}`),
    initialPageParam: 0,
    getNextPageParam: (last) => last.next ?? undefined,
    // Live events arrive through the stream below; the pages themselves never go stale.
    staleTime: Infinity,
  });
}

/** Calls `onVisible` whenever the returned element scrolls into view (the load-more sentinel). */
function useOnVisible(onVisible: () => void) {
  const ref = useRef<HTMLDivElement>(null);
  const callback = useRef(onVisible);
  useEffect(() => {
    callback.current = onVisible;
  });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && callback.current(), { rootMargin: "200px" });
    observer.observe(element);
    return () => observer.disconnect();
  });
  return ref;
}

/**
 * A project's feed as a person reads it: one entry per ingest (with its counts, opening onto its
 * patterns) and per other action, each naming who acted and on which pattern, newest on top.
 * New entries arrive live (`usePatternFeed`); older ones load as one scrolls down.
 */
export function LiveFeed({ slug, config }: { slug: string; config?: RealtimeConfig }) {
  const feed = usePatternFeed(slug, { config, limit: pageSize });
  const pages = useFeedEntries(slug);
  const entries = useMemo(() => {
    const byId = new Map<number, PatternEvent>();
    for (const page of pages.data?.pages ?? []) for (const event of page.events) byId.set(event.id, event);
    // An ingest's per-pattern events belong to its one entry, which arrives when it completes.
    for (const event of feed.events) if (!event.ingest_job_id) byId.set(event.id, event);
    return [...byId.values()].sort((left, right) => right.id - left.id);
  }, [pages.data, feed.events]);
  const loadOlder = () => pages.hasNextPage && !pages.isFetchingNextPage && void pages.fetchNextPage();
  const sentinel = useOnVisible(loadOlder);
  const refused = feed.status === "not_found" || feed.status === "unauthorized" || feed.status === "error";
  return (
    <section aria-labelledby="live-feed-title" className="space-y-4">
      <div className="flex items-center justify-between gap-3">
        <h1 id="live-feed-title" className="text-2xl font-semibold tracking-tight">Live feed</h1>
        <StatusPill status={feed.status} />
      </div>
      {refused ? (
        <p role="alert" data-testid="feed-error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          {feed.error ?? statusLabels[feed.status]}
        </p>
      ) : pages.isPending ? (
        <ListSkeleton rows={4} label="Loading the feed" testId="feed-loading" />
      ) : entries.length === 0 ? (
        <EmptyState title="Nothing has happened yet" testId="feed-empty">
          <p>
            Events appear here the moment they are written: ingest a repository on the{" "}
            <Link href={`/projects/${slug}/ingest`} className="font-medium text-indigo-700 underline dark:text-indigo-300">ingest page</Link>
            {" "}or with <code className="font-mono">motif ingest . --project {slug}</code>, and watch its patterns arrive.
          </p>
        </EmptyState>
      ) : (
        <>
          <ol aria-live="polite" data-testid="feed-events"
            className="divide-y divide-slate-200 rounded-lg bg-white shadow-sm ring-1 ring-slate-200 dark:divide-slate-800 dark:bg-slate-900 dark:ring-slate-800">
            {entries.map((event) => <FeedEntry key={event.id} event={event} slug={slug} />)}
          </ol>
          <div ref={sentinel} className="flex justify-center" data-testid="feed-more">
            {pages.hasNextPage
              ? <Button variant="secondary" disabled={pages.isFetchingNextPage} onClick={loadOlder} data-testid="feed-load-older">{pages.isFetchingNextPage ? "Loading older entries…" : "Load older entries"}</Button>
              : <p className="text-xs text-slate-500 dark:text-slate-400" data-testid="feed-end">That is everything since the project began.</p>}
          </div>
        </>
      )}
      <ErrorMessage error={pages.error} testId="feed-pages-error" />
    </section>
  );
}
