"use client";

import Link from "next/link";
import type { PatternEvent, PatternFeedStatus, RealtimeConfig } from "@/lib/realtime/client";
import { usePatternFeed } from "./use-pattern-feed";
import { formatDate } from "./format";
import { EmptyState } from "./ui/empty-state";
import { ListSkeleton } from "./ui/skeleton";

const statusLabels: Record<PatternFeedStatus, string> = {
  idle: "Paused",
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  unauthorized: "Signed out",
  not_found: "Not available",
  error: "Stopped",
};

/** `pattern.created` → "pattern created", `pattern.occurrences_removed` → "pattern occurrences removed". */
function eventLabel(eventType: string): string {
  return eventType.replace(/[._]+/g, " ");
}

/** The one line that says what happened, from what the event carries. */
function eventSummary(event: PatternEvent): string | undefined {
  const data = event.event_data;
  // `change: "created"` repeats `pattern.created`; only what the type does not say is shown.
  const said = new Set(event.event_type.split(/[._]+/));
  const parts = [data.name, data.kind, data.change, data.outcome].filter((part) => typeof part === "string" && part && !said.has(part));
  return parts.length > 0 ? parts.map((part) => String(part).replaceAll("_", " ")).join(" · ") : undefined;
}

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

function FeedItem({ event, slug }: { event: PatternEvent; slug: string }) {
  const summary = eventSummary(event);
  const linkable = event.pattern_id && event.event_type !== "pattern.deleted";
  return (
    <li data-testid="feed-event" data-event-id={event.id} data-event-type={event.event_type}
      className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-baseline sm:justify-between">
      <div className="min-w-0">
        <span className="font-medium text-slate-900 dark:text-slate-100">{eventLabel(event.event_type)}</span>
        {summary && <span className="ml-2 text-sm text-slate-600 dark:text-slate-300" data-testid="feed-event-summary">{summary}</span>}
        {linkable && (
          <Link href={`/projects/${slug}/patterns/${event.pattern_id}`} aria-label={`Open pattern ${summary ?? event.pattern_id}`}
            className="ml-2 text-sm font-medium text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300">
            open pattern
          </Link>
        )}
      </div>
      <time dateTime={event.created_at} className="shrink-0 text-xs text-slate-500 dark:text-slate-400">{formatDate(event.created_at)}</time>
    </li>
  );
}

/**
 * A project's `pattern_events` as they happen, newest on top (`usePatternFeed`). Only
 * members see events; anyone else sees why, and nothing else.
 */
export function LiveFeed({ slug, config }: { slug: string; config?: RealtimeConfig }) {
  const feed = usePatternFeed(slug, { config, limit: 100 });
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
      ) : feed.status === "connecting" && feed.events.length === 0 ? (
        <ListSkeleton rows={4} label="Loading the feed" testId="feed-loading" />
      ) : feed.events.length === 0 ? (
        <EmptyState title="Nothing has happened yet" testId="feed-empty">
          <p>
            Events appear here the moment they are written: ingest a repository on the{" "}
            <Link href={`/projects/${slug}/ingest`} className="font-medium text-indigo-700 underline dark:text-indigo-300">ingest page</Link>
            {" "}or with <code className="font-mono">motif ingest . --project {slug}</code>, and watch its patterns arrive.
          </p>
        </EmptyState>
      ) : (
        <ol aria-live="polite" data-testid="feed-events"
          className="divide-y divide-slate-200 rounded-lg bg-white shadow-sm ring-1 ring-slate-200 dark:divide-slate-800 dark:bg-slate-900 dark:ring-slate-800">
          {feed.events.map((event) => <FeedItem key={event.id} event={event} slug={slug} />)}
        </ol>
      )}
    </section>
  );
}
