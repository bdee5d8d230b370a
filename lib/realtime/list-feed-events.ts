import { listLatestPatternEvents, listPatternEventsAfterId, type Queryable } from "@/lib/db";
import { toPatternEvent, type PatternEvent } from "./pattern-event";

/** A page of a project's feed. */
export interface FeedPage {
  /** Oldest first. */
  events: PatternEvent[];
  /** Where a stream or the next page continues: the newest id here, else the `after` given (or 0). */
  lastEventId: number;
  /** More events follow `lastEventId` (only when paging with `after`). */
  hasMore: boolean;
}

/**
 * The events RLS lets the caller read, run inside the caller's transaction: with `after`, the
 * ones that follow it (catch-up, paging); without, the newest `limit` (a feed's first screen).
 */
export async function listFeedEvents(options: {
  transaction: Queryable;
  projectId: string;
  after?: number;
  limit: number;
}): Promise<FeedPage> {
  const { transaction, projectId, after, limit } = options;
  const rows =
    after === undefined
      ? await listLatestPatternEvents({ transaction, projectId, limit })
      : await listPatternEventsAfterId({ transaction, projectId, afterId: after, limit });
  const events = rows.map(toPatternEvent);
  return {
    events,
    lastEventId: events.at(-1)?.id ?? after ?? 0,
    hasMore: after !== undefined && events.length === limit,
  };
}
