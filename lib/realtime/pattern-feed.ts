import { listPatternEventsAfterId, listPatternEventsByIds, withUser } from "@/lib/db";
import type { Database, JwtClaims, PatternEventRow } from "@/lib/db";
import { toPatternEvent, type PatternEvent } from "./pattern-event";
import { subscribeToEventIds } from "./pattern-event-hub";

/** Options of `openPatternFeed`. */
export interface PatternFeedOptions {
  database: Database;
  /** The subscriber's claims: every row is read under them, so RLS decides what it gets. */
  claims: JwtClaims;
  projectId: string;
  /** Replay the events after this id first (a resume); undefined: live events only. */
  afterId?: number;
  /** Receives events in id order, each at most once. */
  onEvents: (events: PatternEvent[]) => void;
  /** A read failed: the feed stops (the client resumes from its last id). */
  onError: (error: unknown) => void;
}

const replayPageSize = 500;
// Ids already sent, kept so that a notification for a replayed row is not sent again.
const rememberedIds = 5_000;

/** Remembers sent ids (oldest forgotten first) and keeps only the rows not sent yet. */
function createSentFilter() {
  const sent = new Set<number>();
  return {
    has: (id: number) => sent.has(id),
    keepNew(rows: PatternEventRow[]): PatternEvent[] {
      const events = rows.map(toPatternEvent).filter((event) => !sent.has(event.id));
      for (const event of events) sent.add(event.id);
      const ids = sent.values();
      while (sent.size > rememberedIds) sent.delete(ids.next().value as number);
      return events;
    },
  };
}

/**
 * One subscriber's feed: subscribe first, then replay the rows after `afterId` under the
 * subscriber's RLS, then the live ones, each re-read by id as the subscriber (a notification
 * is only a hint: a row the subscriber may not see is never sent, whatever the payload
 * said). Notifications that arrive during the replay wait behind it, so nothing falls
 * between the two and nothing is sent twice. Reads are serialised per subscriber, which
 * also turns a burst of notifications into one query.
 */
export async function openPatternFeed(options: PatternFeedOptions): Promise<{ close: () => void }> {
  const { database, claims, projectId } = options;
  const sent = createSentFilter();
  const pending: number[] = [];
  let closed = false;
  let busy = true; // held through the replay: live ids queue up behind it

  const deliver = (rows: PatternEventRow[]) => {
    const events = sent.keepNew(rows);
    if (events.length > 0 && !closed) options.onEvents(events);
  };
  const drain = async () => {
    busy = true;
    try {
      while (pending.length > 0 && !closed) {
        const ids = [...new Set(pending.splice(0))].filter((id) => !sent.has(id));
        if (ids.length === 0) continue;
        deliver(await withUser(database, claims, (transaction) => listPatternEventsByIds({ transaction, projectId, ids })));
      }
    } finally {
      busy = false;
    }
  };
  const fail = (error: unknown) => {
    if (!closed) options.onError(error);
  };

  const unsubscribe = await subscribeToEventIds({
    database,
    projectId,
    onIds: (ids) => {
      pending.push(...ids);
      if (!busy) void drain().catch(fail);
    },
  });
  const afterId = options.afterId;
  const replayed = afterId === undefined ? Promise.resolve() : replay({ ...options, afterId, deliver, isClosed: () => closed });
  void replayed.then(drain).catch(fail);
  return {
    close: () => {
      closed = true;
      unsubscribe();
    },
  };
}

/** Sends the rows after `afterId` the subscriber may read, page by page, in id order. */
async function replay(options: {
  database: Database;
  claims: JwtClaims;
  projectId: string;
  afterId: number;
  deliver: (rows: PatternEventRow[]) => void;
  isClosed: () => boolean;
}) {
  const { database, claims, projectId } = options;
  let afterId = options.afterId;
  while (!options.isClosed()) {
    const rows = await withUser(database, claims, (transaction) =>
      listPatternEventsAfterId({ transaction, projectId, afterId, limit: replayPageSize }),
    );
    options.deliver(rows);
    if (rows.length < replayPageSize) return;
    afterId = Number(rows[rows.length - 1].id);
  }
}
