import type { Database } from "@/lib/db";
import { formatSseComment, formatSseEvent } from "./format-sse";
import { openPatternFeed } from "./pattern-feed";
import { createSseSink, startSseLifetime, type SseLifetime, type SseSink } from "./sse-sink";

/** Options of `createPatternEventStream`. */
export interface PatternEventStreamOptions extends SseLifetime {
  database: Database;
  projectId: string;
  afterId?: number;
}

/**
 * The `text/event-stream` body of one subscriber: a `retry:` hint, a `: subscribed` comment
 * once the database listener is active, then the feed's events (the replay first), with a
 * heartbeat comment every `heartbeatMs`. It ends when the client aborts, when the caller's
 * token expires (the client reconnects and is asked to sign in again) or when a read fails
 * (the client resumes).
 */
export function createPatternEventStream(options: PatternEventStreamOptions): ReadableStream<Uint8Array> {
  let sink: SseSink | undefined;
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const stream = (sink = createSseSink(controller));
      if (!startSseLifetime(stream, options)) return;
      const stop = (error: unknown) => {
        console.error("the pattern feed stopped:", error);
        stream.finish();
      };
      try {
        const feed = await openPatternFeed({ ...options, onEvents: (events) => stream.send(events.map(formatSseEvent).join("")), onError: stop });
        stream.onEnd(feed.close);
        // Said once the LISTEN is active: from here on no commit can be missed.
        stream.send(formatSseComment("subscribed"));
      } catch (error) {
        stop(error);
      }
    },
    cancel: () => sink?.cancel(),
  });
}
