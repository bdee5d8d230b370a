import type { JwtClaims } from "@/lib/db";
import { formatSseComment, formatSseRetry } from "./format-sse";
import { trackEventStream } from "./open-event-streams";

/** Writes text to an event stream and ends it once, running the cleanups registered on it. */
export interface SseSink {
  readonly ended: boolean;
  onEnd(cleanup: () => void): void;
  send(text: string): void;
  finish(): void;
  cancel(): void;
}

/** What every Server-Sent Events body of Motif's shares: its end, its client, its heartbeat. */
export interface SseLifetime {
  claims: JwtClaims;
  /** Aborted when the client goes away: the stream ends and its subscription is dropped. */
  signal?: AbortSignal;
  /**
   * The request whose `signal` that is, held until the stream ends: undici stops passing the
   * client's abort on to `request.signal` once the Request object is garbage-collected
   * (nodejs/node#55428), and the stream would then outlive its client.
   */
  request?: Request;
  heartbeatMs?: number;
  retryMs?: number;
  /** Called once when the stream ends, however it ends (it frees the caller's stream slot). */
  onEnd?: () => void;
}

/** The longest a stream stays open on one token: it ends when the caller's JWT expires. */
function msUntilExpiry(claims: JwtClaims): number | undefined {
  if (typeof claims.exp !== "number") return undefined;
  return Math.min(Math.max(0, claims.exp * 1000 - Date.now()), 2 ** 31 - 1);
}

/** A sink over a ReadableStream's controller. */
export function createSseSink(controller: ReadableStreamDefaultController<Uint8Array>): SseSink {
  const encoder = new TextEncoder();
  const cleanups: (() => void)[] = [];
  let ended = false;
  // A stream the consumer already tore down throws on enqueue/close: that only means the
  // client is gone, and must never escape from a timer as an uncaught exception.
  const end = (closeStream: boolean) => {
    if (ended) return;
    ended = true;
    for (const cleanup of cleanups.splice(0)) cleanup();
    try {
      if (closeStream) controller.close();
    } catch {
      // already closed or errored by the consumer
    }
  };
  return {
    get ended() {
      return ended;
    },
    onEnd: (cleanup: () => void) => void (ended ? cleanup() : cleanups.push(cleanup)),
    send(text: string) {
      if (ended) return;
      try {
        controller.enqueue(encoder.encode(text));
      } catch {
        end(false);
      }
    },
    finish: () => end(true),
    cancel: () => end(false),
  };
}

/**
 * Starts an event stream's lifetime: a `retry:` hint, a heartbeat comment every `heartbeatMs`,
 * and its end when the client aborts, when the caller's token expires (the client reconnects
 * and is asked to sign in again) or when the server shuts down. Returns false when the client
 * is already gone.
 */
export function startSseLifetime(stream: SseSink, options: SseLifetime): boolean {
  if (options.onEnd) stream.onEnd(options.onEnd);
  if (options.signal?.aborted) {
    stream.finish();
    return false;
  }
  options.signal?.addEventListener("abort", stream.finish, { once: true });
  stream.onEnd(trackEventStream(stream.finish));
  const { request } = options;
  stream.onEnd(() => {
    options.signal?.removeEventListener("abort", stream.finish);
    void request; // released only here, with the stream
  });
  stream.send(formatSseRetry(options.retryMs ?? 2_000));
  const heartbeat = setInterval(() => stream.send(formatSseComment("heartbeat")), options.heartbeatMs ?? 15_000);
  stream.onEnd(() => clearInterval(heartbeat));
  const expiry = msUntilExpiry(options.claims);
  if (expiry !== undefined) {
    const timer = setTimeout(stream.finish, expiry);
    stream.onEnd(() => clearTimeout(timer));
  }
  return true;
}
