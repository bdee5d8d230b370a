import type { PatternEvent } from "./pattern-event";

/**
 * Merges new events into a feed kept newest first, at most `limit` long. Events are keyed by
 * id, so a replay that overlaps what the feed already holds (a resume, a catch-up after a
 * Realtime rejoin) never shows a row twice.
 */
export function mergeEvents(current: readonly PatternEvent[], incoming: readonly PatternEvent[], limit: number): PatternEvent[] {
  if (incoming.length === 0) return current as PatternEvent[];
  const byId = new Map<number, PatternEvent>();
  for (const event of current) byId.set(event.id, event);
  for (const event of incoming) byId.set(event.id, event);
  return [...byId.values()].sort((left, right) => right.id - left.id).slice(0, limit);
}
