import type { PatternFeedStatus } from "./feed-status";
import { reconnectDelay, type StopTransport } from "./feed-transport";
import { loadEventsPage } from "./load-events-page";
import type { PatternEvent, RealtimeConfig } from "./pattern-event";
import { openSseTransport } from "./sse-transport";
import { openSupabaseTransport } from "./supabase-transport";

/** What `connectPatternFeed` needs: the project, the transport config, and two callbacks. */
export interface ConnectPatternFeedOptions {
  project: string;
  config: RealtimeConfig;
  /** How many recent events to load before going live. */
  limit: number;
  /** Events in id order; `live` is false for the initial page, true for what arrives after. */
  onEvents: (events: PatternEvent[], live: boolean) => void;
  onStatus: (status: PatternFeedStatus, message?: string) => void;
}

/**
 * Loads the project's recent events, then opens the configured transport from the newest of
 * them, so the page and the live stream meet without a gap. A refused first page (signed out,
 * not a member) ends there: no stream is opened. Returns a function that stops everything.
 */
export function connectPatternFeed(options: ConnectPatternFeedOptions): StopTransport {
  let stopped = false;
  let stopTransport: StopTransport | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const start = async (attempt: number): Promise<void> => {
    options.onStatus(attempt === 0 ? "connecting" : "reconnecting");
    const page = await loadEventsPage(options.project, { limit: options.limit });
    if (stopped) return;
    if (!page.ok) {
      options.onStatus(page.status, page.message);
      if (page.retry) timer = setTimeout(() => void start(attempt + 1), reconnectDelay(attempt));
      return;
    }
    options.onEvents(page.events, false);
    const transportOptions = {
      project: options.project,
      projectId: page.projectId,
      afterId: page.lastEventId,
      onEvents: (events: PatternEvent[]) => !stopped && options.onEvents(events, true),
      onStatus: (status: PatternFeedStatus, message?: string) => !stopped && options.onStatus(status, message),
    };
    stopTransport =
      options.config.transport === "supabase"
        ? openSupabaseTransport({ ...transportOptions, ...options.config })
        : openSseTransport(transportOptions);
  };

  void start(0).catch((error: Error) => options.onStatus("error", error.message));
  return () => {
    stopped = true;
    clearTimeout(timer);
    stopTransport?.();
  };
}
