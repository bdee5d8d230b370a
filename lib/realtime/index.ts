/**
 * lib/realtime, server side: the pattern feed (one database listener fanned out per project,
 * every row re-read under the subscriber's RLS) and its Server-Sent Events body. Browser code
 * imports `@/lib/realtime/client` instead.
 */
export { openPatternFeed, type PatternFeedOptions } from "./pattern-feed";
export { createPatternEventStream, type PatternEventStreamOptions } from "./pattern-event-stream";
export { createJobProgressStream, type JobProgressStreamOptions } from "./job-progress-stream";
export { takeStreamSlot, maxStreamsPerCaller } from "./stream-slots";
export { closeEventStreams, countOpenEventStreams } from "./open-event-streams";
export { subscribeToEventIds, countEventSubscribers, patternEventsChannel, type EventIdsHandler } from "./pattern-event-hub";
export { formatSseEvent, formatSseRetry, formatSseComment, sseHeaders } from "./format-sse";
export { getRealtimeConfig } from "./realtime-config";
export { listFeedEvents, type FeedPage } from "./list-feed-events";
export { listFeedEntries, type FeedEntriesPage } from "./list-feed-entries";
export { toPatternEvent, type PatternEvent, type RealtimeConfig } from "./pattern-event";
export type { PatternFeedStatus } from "./feed-status";
export { openProjectEventStream, openJobProgressStream } from "./open-project-event-stream";
