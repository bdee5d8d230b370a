import { listFeedEntries as listEntryRows, listIngestEvents, type Queryable } from "@/lib/db";
import { toPatternEvent, type PatternEvent } from "./pattern-event";

/** A page of feed entries (newest first), or of one ingest's pattern events (oldest first). */
export interface FeedEntriesPage {
  events: PatternEvent[];
  /** Where the next page starts: `before` it for entries, `after` it for an ingest's events; null at the end. */
  next: number | null;
}

/**
 * The feed as a person reads it, run inside the caller's transaction (RLS applies): with `ingest`,
 * that ingest's per-pattern events after `after`; otherwise the entries (each ingest once, as its
 * `ingest.completed`, and every other event) older than `before`.
 */
export async function listFeedEntries(options: {
  transaction: Queryable;
  projectId: string;
  before?: number;
  after?: number;
  ingest?: string;
  limit: number;
}): Promise<FeedEntriesPage> {
  const { transaction, projectId, limit } = options;
  // One row more than asked says whether another page follows.
  const rows = options.ingest
    ? await listIngestEvents({ transaction, projectId, jobId: options.ingest, afterId: options.after, limit: limit + 1 })
    : await listEntryRows({ transaction, projectId, beforeId: options.before, limit: limit + 1 });
  const events = rows.slice(0, limit).map(toPatternEvent);
  return { events, next: rows.length > limit ? events.at(-1)!.id : null };
}
