import type { PatternEvent } from "./pattern-event";

/**
 * One Server-Sent Event carrying a feed row: `id:` is the row id (what the browser sends back
 * as `Last-Event-ID`), `data:` the row as JSON (one line: JSON.stringify escapes newlines).
 * No `event:` field on purpose: EventSource has no catch-all listener for named events, so
 * naming them after `event_type` would make clients list every type in advance and silently
 * miss new ones. The type travels in the data.
 */
export function formatSseEvent(event: PatternEvent): string {
  return `id: ${event.id}\ndata: ${JSON.stringify(event)}\n\n`;
}

/** The reconnection delay the browser should use, in milliseconds. */
export function formatSseRetry(milliseconds: number): string {
  return `retry: ${milliseconds}\n\n`;
}

/** A comment line: ignored by EventSource, it keeps proxies and idle timeouts from closing the stream. */
export function formatSseComment(text: string): string {
  return `: ${text.replace(/[\r\n]+/g, " ")}\n\n`;
}

/** An event stream's response headers. no-transform: a compressing proxy (or Next's own gzip) must not hold events back to fill a block. */
export const sseHeaders = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache, no-transform",
  "x-accel-buffering": "no",
} as const;
