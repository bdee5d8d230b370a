import type { Database, JwtClaims } from "@/lib/db";
import { formatSseComment, formatSseEvent, formatSseRetry } from "./format-sse";
import { openPatternFeed } from "./pattern-feed";

/** Options of `createPatternEventStream`. */
export interface PatternEventStreamOptions {
  database: Database;
  claims: JwtClaims;
  projectId: string;
  afterId?: number;
  /** Aborted when the client goes away: the stream ends and its subscription is dropped. */
  signal?: AbortSignal;
  heartbeatMs?: number;
  retryMs?: number;
}

/** The longest a stream stays open on one token: it ends when the caller's JWT expires. */
function msUntilExpiry(claims: JwtClaims): number | undefined {
  if (typeof claims.exp !== "number") return undefined;
  return Math.min(Math.max(0, claims.exp * 1000 - Date.now()), 2 ** 31 - 1);
}

/**
 * The `text/event-stream` body of one subscriber: a `retry:` hint, a `: subscribed` comment
 * once the database listener is active, then the feed's events (the replay first), with a heartbeat comment every
 * `heartbeatMs`. It ends when the client aborts, when the caller's token expires (the client
 * reconnects and is asked to sign in again) or when a read fails (the client resumes).
 */
export function createPatternEventStream(options: PatternEventStreamOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const cleanups: (() => void)[] = [];
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    for (const cleanup of cleanups.splice(0)) cleanup();
  };
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => !ended && controller.enqueue(encoder.encode(text));
      const finish = () => {
        if (ended) return;
        end();
        controller.close();
      };
      if (options.signal?.aborted) return finish();
      options.signal?.addEventListener("abort", finish, { once: true });
      cleanups.push(() => options.signal?.removeEventListener("abort", finish));
      send(formatSseRetry(options.retryMs ?? 2_000));
      const heartbeat = setInterval(() => send(formatSseComment("heartbeat")), options.heartbeatMs ?? 15_000);
      cleanups.push(() => clearInterval(heartbeat));
      const expiry = msUntilExpiry(options.claims);
      if (expiry !== undefined) {
        const timer = setTimeout(finish, expiry);
        cleanups.push(() => clearTimeout(timer));
      }
      const stop = (error: unknown) => {
        console.error("the pattern feed stopped:", error);
        finish();
      };
      try {
        const feed = await openPatternFeed({ ...options, onEvents: (events) => send(events.map(formatSseEvent).join("")), onError: stop });
        if (ended) return feed.close();
        cleanups.push(feed.close);
        // Said once the LISTEN is active: from here on no commit can be missed.
        send(formatSseComment("subscribed"));
      } catch (error) {
        stop(error);
      }
    },
    cancel: end,
  });
}
