/**
 * The browser's face of lib/realtime: import from `@/lib/realtime/client` in client
 * components (`@/lib/realtime` is server code: it holds the database listener).
 */
export { usePatternFeed, type UsePatternFeedOptions, type PatternFeed } from "./use-pattern-feed";
export { realtimeQueryKeys, queryKeysForEvent } from "./query-keys";
export { mergeEvents } from "./merge-events";
export { toPatternEvent, type PatternEvent, type RealtimeConfig } from "./pattern-event";
export type { PatternFeedStatus } from "./feed-status";
