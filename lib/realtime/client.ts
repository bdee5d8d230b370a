/**
 * The browser's face of lib/realtime: import from `@/lib/realtime/client` in client code
 * (`@/lib/realtime` is server code: it holds the database listener). It connects to a
 * project's pattern feed (SSE or Supabase Realtime) and knows nothing of React; the
 * dashboard's hook and cache keys are in components/ (use-pattern-feed.ts, query-keys.ts).
 */
export { connectPatternFeed } from "./connect-pattern-feed";
export { configUrl } from "./feed-endpoints";
export { mergeEvents } from "./merge-events";
export { toPatternEvent, type PatternEvent, type RealtimeConfig } from "./pattern-event";
export type { PatternFeedStatus } from "./feed-status";
