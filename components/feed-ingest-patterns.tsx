"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { PatternEvent } from "@/lib/realtime/client";
import { apiFetch } from "./api-client";
import { describeIngestChange } from "./describe-feed-event";
import { Button } from "./ui/button";
import { ErrorMessage } from "./ui/error-message";

type Page = { events: PatternEvent[]; next: number | null };

/** What one ingest did to each pattern, read page by page when its feed entry is opened. */
export function FeedIngestPatterns({ slug, jobId }: { slug: string; jobId: string }) {
  const pages = useInfiniteQuery({
    queryKey: ["feed-ingest", slug, jobId],
    queryFn: ({ pageParam }) =>
      apiFetch<Page>(`/api/v1/projects/${encodeURIComponent(slug)}/events/entries?ingest=${jobId}&limit=100${pageParam ? `&after=${pageParam}` : ""}`),
    initialPageParam: 0,
    getNextPageParam: (last) => last.next ?? undefined,
    staleTime: Infinity,
  });
  const events = pages.data?.pages.flatMap((page) => page.events) ?? [];
  return (
    <div className="mt-2 space-y-2" data-testid="feed-ingest-patterns">
      <ErrorMessage error={pages.error} testId="feed-ingest-error" />
      {pages.isPending && <p className="text-xs text-slate-500">Loading the patterns…</p>}
      <ul className="max-h-72 overflow-y-auto rounded border border-slate-100 text-sm dark:border-slate-800">
        {events.map((event) => (
          <li key={event.id} className="flex items-baseline justify-between gap-3 px-3 py-1" data-testid="feed-ingest-pattern">
            {event.pattern_id
              ? <Link href={`/projects/${slug}/patterns/${event.pattern_id}`} className="truncate text-indigo-700 hover:underline dark:text-indigo-300">{event.pattern_name}</Link>
              : <span className="truncate">{event.pattern_name ?? "a removed pattern"}</span>}
            <span className="shrink-0 text-xs text-slate-500 dark:text-slate-400">{describeIngestChange(event)}</span>
          </li>
        ))}
      </ul>
      {pages.hasNextPage && (
        <Button variant="secondary" disabled={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()} data-testid="feed-ingest-more">
          {pages.isFetchingNextPage ? "Loading…" : "Show more patterns"}
        </Button>
      )}
    </div>
  );
}
