import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { PatternFeedStatus } from "@/lib/realtime/feed-status";
import type { PatternEvent } from "@/lib/realtime/pattern-event";

const projectId = "7f1c2b1e-0000-4000-8000-000000000001";
const row = (id: number) => ({ id, project_id: projectId, pattern_id: null, event_type: "pattern.used", event_data: {}, actor: null, created_at: "2026-01-01T00:00:00.000Z" });

/** A stand-in EventSource: records its URL, and lets the test play the server. */
class FakeEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static opened: FakeEventSource[] = [];
  readyState = FakeEventSource.CONNECTING;
  onopen: (() => void) | null = null;
  onmessage: ((message: { data: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }
  close() {
    this.readyState = FakeEventSource.CLOSED;
  }
}

function answer(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

function recorder() {
  const events: PatternEvent[] = [];
  const statuses: PatternFeedStatus[] = [];
  return { events, statuses, onEvents: (batch: PatternEvent[]) => events.push(...batch), onStatus: (status: PatternFeedStatus) => statuses.push(status) };
}

beforeEach(() => {
  FakeEventSource.opened = [];
  vi.stubGlobal("EventSource", FakeEventSource);
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe("openSseTransport", () => {
  it("opens the stream after the id it was given and reports the rows it gets", async () => {
    const { openSseTransport } = await import("@/lib/realtime/sse-transport");
    const seen = recorder();
    openSseTransport({ project: "atlas", projectId, afterId: 7, ...seen });
    const [source] = FakeEventSource.opened;
    expect(source.url).toBe("/api/v1/projects/atlas/events/stream?after=7");
    source.onopen!();
    source.onmessage!({ data: JSON.stringify(row(8)) });
    expect(seen.events.map((event) => event.id)).toEqual([8]);
    expect(seen.statuses).toEqual(["live"]);
  });

  it("after the browser gives up, reopens from the last id it received when the server answers 5xx", async () => {
    const fetch = vi.fn(async () => answer(503, { error: { code: "unavailable:database", message: "down" } }));
    vi.stubGlobal("fetch", fetch);
    const { openSseTransport } = await import("@/lib/realtime/sse-transport");
    const seen = recorder();
    openSseTransport({ project: "atlas", projectId, afterId: 7, ...seen });
    const first = FakeEventSource.opened[0];
    first.onmessage!({ data: JSON.stringify(row(9)) });
    first.readyState = FakeEventSource.CLOSED;
    first.onerror!();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fetch).toHaveBeenCalledWith("/api/v1/projects/atlas/events?after=9&limit=1", expect.anything());
    expect(FakeEventSource.opened.map((source) => source.url)).toEqual([
      "/api/v1/projects/atlas/events/stream?after=7",
      "/api/v1/projects/atlas/events/stream?after=9",
    ]);
    expect(seen.statuses).toEqual(["reconnecting"]);
  });

  it("stops for good when the reason is 404 (no longer a member)", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => answer(404, { error: { code: "not_found:resource", message: 'project "atlas" not found' } })));
    const { openSseTransport } = await import("@/lib/realtime/sse-transport");
    const seen = recorder();
    openSseTransport({ project: "atlas", projectId, afterId: 0, ...seen });
    FakeEventSource.opened[0].readyState = FakeEventSource.CLOSED;
    FakeEventSource.opened[0].onerror!();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(FakeEventSource.opened).toHaveLength(1);
    expect(seen.statuses).toEqual(["reconnecting", "not_found"]);
  });
});

describe("openSupabaseTransport", () => {
  it("listens to this project's INSERTs and catches up from the last id on every (re)join", async () => {
    const calls: { config?: unknown; subscribe?: (status: string) => void; insert?: (payload: { new: unknown }) => void } = {};
    const channel = {
      on(_type: string, config: unknown, handler: (payload: { new: unknown }) => void) {
        calls.config = config;
        calls.insert = handler;
        return channel;
      },
      subscribe(callback: (status: string) => void) {
        calls.subscribe = callback;
        return channel;
      },
    };
    const removeChannel = vi.fn(async () => "ok");
    vi.doMock("@supabase/ssr", () => ({ createBrowserClient: () => ({ channel: () => channel, removeChannel }) }));
    const fetch = vi.fn(async () => answer(200, { project: { id: projectId }, events: [row(5), row(6)], last_event_id: 6 }));
    vi.stubGlobal("fetch", fetch);
    const { openSupabaseTransport } = await import("@/lib/realtime/supabase-transport");
    const seen = recorder();
    const stop = openSupabaseTransport({ project: "atlas", projectId, afterId: 4, supabaseUrl: "http://supabase.test", supabaseAnonKey: "anon", ...seen });
    await vi.waitFor(() => expect(calls.subscribe).toBeDefined());
    expect(calls.config).toEqual({ event: "INSERT", schema: "public", table: "pattern_events", filter: `project_id=eq.${projectId}` });
    calls.subscribe!("SUBSCRIBED");
    await vi.waitFor(() => expect(seen.statuses).toEqual(["live"]));
    expect(fetch).toHaveBeenCalledWith("/api/v1/projects/atlas/events?after=4&limit=500", expect.anything());
    calls.insert!({ new: { ...row(7), id: 7 } });
    calls.subscribe!("CHANNEL_ERROR");
    fetch.mockImplementation(async () => answer(200, { project: { id: projectId }, events: [row(8)], last_event_id: 8 }));
    calls.subscribe!("SUBSCRIBED");
    await vi.waitFor(() => expect(seen.events.map((event) => event.id)).toEqual([5, 6, 7, 8]));
    expect(fetch).toHaveBeenLastCalledWith("/api/v1/projects/atlas/events?after=7&limit=500", expect.anything());
    stop();
    expect(removeChannel).toHaveBeenCalledTimes(1);
  });
});
