import type { PatternFeedStatus } from "./feed-status";
import type { PatternEvent } from "./pattern-event";

/** What a transport is given: whose events, from which id on, and where to report. */
export interface FeedTransportOptions {
  /** The project reference the page holds (slug or id), used in API paths. */
  project: string;
  /** The project's uuid (Supabase Realtime filters on it). */
  projectId: string;
  /** The last event the feed already holds; the transport delivers only later ones. */
  afterId: number;
  onEvents: (events: PatternEvent[]) => void;
  onStatus: (status: PatternFeedStatus, message?: string) => void;
}

/** Stops a transport: closes its connection and cancels any pending reconnect. */
export type StopTransport = () => void;

/** Delay before reconnect attempt `attempt` (0-based): 1 s, 2 s, 4 s … capped at 15 s. */
export function reconnectDelay(attempt: number): number {
  return Math.min(15_000, 1_000 * 2 ** attempt);
}
