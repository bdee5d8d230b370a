"use client";

import Link from "next/link";
import { useState } from "react";
import type { PatternEvent } from "@/lib/realtime/client";
import { describeFeedEvent } from "./describe-feed-event";
import { FeedIngestPatterns } from "./feed-ingest-patterns";
import { formatDate } from "./format";

/**
 * One line of the feed: who did what to which pattern, when. An ingest is one entry with its
 * counts, which opens onto the patterns it touched.
 */
export function FeedEntry({ event, slug }: { event: PatternEvent; slug: string }) {
  const [open, setOpen] = useState(false);
  const sentence = describeFeedEvent(event);
  const jobId = event.event_type === "ingest.completed" && typeof event.event_data.job_id === "string" ? event.event_data.job_id : null;
  const linkable = event.pattern_id && event.event_type !== "pattern.deleted";
  return (
    <li data-testid="feed-event" data-event-id={event.id} data-event-type={event.event_type} className="px-4 py-3">
      <div className="flex flex-col gap-1 sm:flex-row sm:items-baseline sm:justify-between">
        <p className="min-w-0 text-sm text-slate-700 dark:text-slate-200">
          <span className="font-semibold text-slate-900 dark:text-slate-100" data-testid="feed-event-actor">{sentence.actor}</span>{" "}
          <span data-testid="feed-event-action">{sentence.action}</span>
          {sentence.pattern && (
            <>
              {" "}
              {linkable
                ? <Link href={`/projects/${slug}/patterns/${event.pattern_id}`} className="font-medium text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300" data-testid="feed-event-pattern">{sentence.pattern}</Link>
                : <span className="font-medium" data-testid="feed-event-pattern">{sentence.pattern}</span>}
            </>
          )}
          {sentence.detail && <span className="ml-2 text-slate-500 dark:text-slate-400" data-testid="feed-event-summary">{sentence.detail}</span>}
        </p>
        <time dateTime={event.created_at} className="shrink-0 text-xs text-slate-500 dark:text-slate-400">{formatDate(event.created_at)}</time>
      </div>
      {jobId && (
        <button type="button" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="feed-event-expand"
          className="mt-1 text-xs font-medium text-indigo-700 hover:underline dark:text-indigo-300">
          {open ? "Hide the patterns" : "Show the patterns"}
        </button>
      )}
      {jobId && open && <FeedIngestPatterns slug={slug} jobId={jobId} />}
    </li>
  );
}
