import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { createEventInvalidator } from "@/components/invalidate-on-events";
import { mergeEvents } from "@/lib/realtime/merge-events";
import { toPatternEvent, type PatternEvent } from "@/lib/realtime/pattern-event";
import { queryKeysForEvent, realtimeQueryKeys } from "@/components/query-keys";
import { formatSseComment, formatSseEvent } from "@/lib/realtime";

const projectId = "7f1c2b1e-0000-4000-8000-000000000001";

function event(id: number, patternId: string | null = null): PatternEvent {
  return { id, project_id: projectId, pattern_id: patternId, event_type: "pattern.used", event_data: {}, actor: null, actor_name: null, actor_kind: null, pattern_name: null, ingest_job_id: null, created_at: "2026-01-01T00:00:00.000Z" };
}

describe("mergeEvents", () => {
  it("keeps the feed newest first, without duplicates, at most limit long", () => {
    const merged = mergeEvents([event(3), event(2)], [event(3), event(5), event(4)], 3);
    expect(merged.map((item) => item.id)).toEqual([5, 4, 3]);
  });
});

describe("toPatternEvent", () => {
  it("normalises postgres.js rows (string ids, Date timestamps, jsonb as text)", () => {
    const row = { id: "42", project_id: projectId, pattern_id: null, event_type: "pattern.created", event_data: '{"a":1}', actor: null, created_at: new Date(Date.UTC(2026, 0, 2)) };
    expect(toPatternEvent(row)).toEqual({ ...event(42), event_type: "pattern.created", event_data: { a: 1 }, created_at: "2026-01-02T00:00:00.000Z" });
  });
});

describe("formatSseEvent", () => {
  it("writes the id and the row as one data line, with no event name", () => {
    const text = formatSseEvent({ ...event(7), event_data: { note: "two\nlines" } });
    expect(text.split("\n")).toEqual([`id: 7`, `data: ${JSON.stringify({ ...event(7), event_data: { note: "two\nlines" } })}`, "", ""]);
    expect(formatSseComment("a\nb")).toBe(": a b\n\n");
  });
});

describe("queryKeysForEvent", () => {
  it("names the project's lists under both references, and the event's pattern", () => {
    expect(queryKeysForEvent(event(1, "p-1"), ["atlas", projectId, "atlas"])).toEqual([
      ["patterns", "atlas"], ["insights", "atlas"], ["graph", "atlas"], ["pattern-events", "atlas"],
      ["patterns", projectId], ["insights", projectId], ["graph", projectId], ["pattern-events", projectId],
      ["pattern", "p-1"],
    ]);
    expect(realtimeQueryKeys.config).toEqual(["config"]);
  });
});

describe("createEventInvalidator", () => {
  it("invalidates each key once per burst, prefix-matching filtered queries", async () => {
    const queryClient = new QueryClient();
    const filtered = [...realtimeQueryKeys.patterns("atlas"), { kind: "retry_backoff" }];
    const untouched = realtimeQueryKeys.patterns("other");
    queryClient.setQueryData(filtered, ["cached"]);
    queryClient.setQueryData(untouched, ["cached"]);
    const invalidator = createEventInvalidator({ queryClient, project: "atlas", delayMs: 10 });
    invalidator.add([event(1), event(2)]);
    expect(queryClient.getQueryState(filtered)?.isInvalidated).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(queryClient.getQueryState(filtered)?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(untouched)?.isInvalidated).toBe(false);
  });
});
