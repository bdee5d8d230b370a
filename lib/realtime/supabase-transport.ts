import { loadEventsPage } from "./load-events-page";
import { reconnectDelay, type FeedTransportOptions, type StopTransport } from "./feed-transport";
import { toPatternEvent, type PatternEvent } from "./pattern-event";

/** Options of the Supabase transport: the project's URL and its public anon key. */
export interface SupabaseTransportOptions extends FeedTransportOptions {
  supabaseUrl: string;
  supabaseAnonKey: string;
}

/**
 * Supabase mode: `postgres_changes` INSERTs on `pattern_events` for this project (Supabase
 * Realtime applies the table's RLS to each subscriber). Realtime does not replay, so every
 * (re)join first catches up through the JSON endpoint from the last id the feed holds.
 */
export function openSupabaseTransport(options: SupabaseTransportOptions): StopTransport {
  let lastId = options.afterId;
  let stopped = false;
  let release: (() => void) | undefined;
  const deliver = (events: PatternEvent[]) => {
    for (const event of events) lastId = Math.max(lastId, event.id);
    if (events.length > 0) options.onEvents(events);
  };
  const catchUp = async (attempt = 0): Promise<void> => {
    const page = await loadEventsPage(options.project, { after: lastId, limit: 500 });
    if (stopped) return;
    if (page.ok) return deliver(page.events);
    if (!page.retry) return options.onStatus(page.status, page.message);
    await new Promise((resolve) => setTimeout(resolve, reconnectDelay(attempt)));
    return catchUp(attempt + 1);
  };

  void (async () => {
    // Loaded on demand: embedded mode never downloads supabase-js.
    const { createBrowserClient } = await import("@supabase/ssr");
    if (stopped) return;
    const client = createBrowserClient(options.supabaseUrl, options.supabaseAnonKey);
    const channel = client
      .channel(`pattern_events:${options.projectId}`)
      .on(
        "postgres_changes",
        { event: "INSERT", schema: "public", table: "pattern_events", filter: `project_id=eq.${options.projectId}` },
        (payload) => deliver([toPatternEvent(payload.new as Record<string, unknown>)]),
      )
      .subscribe((status, error) => {
        if (status === "SUBSCRIBED") void catchUp().then(() => !stopped && options.onStatus("live"));
        else if (status === "CLOSED" && !stopped) options.onStatus("reconnecting");
        else if (status !== "CLOSED") options.onStatus("reconnecting", error?.message);
      });
    release = () => void client.removeChannel(channel);
  })().catch((error: Error) => options.onStatus("error", error.message));

  return () => {
    stopped = true;
    release?.();
  };
}
