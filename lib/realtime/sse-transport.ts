import { streamUrl } from "./feed-endpoints";
import { loadEventsPage } from "./load-events-page";
import { reconnectDelay, type FeedTransportOptions, type StopTransport } from "./feed-transport";
import { toPatternEvent } from "./pattern-event";

/**
 * Embedded mode: an EventSource on the SSE endpoint. While the connection only dropped, the
 * browser reconnects by itself and sends `Last-Event-ID`, and the server replays what was
 * missed. When the browser gives up (a non-200 answer, the server gone for good), the reason
 * is asked of the JSON endpoint: 401/404 end the feed, anything else opens a new EventSource
 * from the last id, with backoff.
 */
export function openSseTransport(options: FeedTransportOptions): StopTransport {
  let lastId = options.afterId;
  let source: EventSource | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  let stopped = false;

  const open = () => {
    source = new EventSource(streamUrl(options.project, lastId), { withCredentials: true });
    source.onopen = () => {
      attempt = 0;
      options.onStatus("live");
    };
    source.onmessage = (message) => {
      const event = toPatternEvent(JSON.parse(message.data) as Record<string, unknown>);
      lastId = Math.max(lastId, event.id);
      options.onEvents([event]);
    };
    source.onerror = () => {
      if (source?.readyState === EventSource.CONNECTING) return options.onStatus("reconnecting");
      source?.close();
      void diagnose();
    };
  };

  const diagnose = async () => {
    options.onStatus("reconnecting");
    const probe = await loadEventsPage(options.project, { after: lastId, limit: 1 });
    if (stopped) return;
    if (!probe.ok && !probe.retry) return options.onStatus(probe.status, probe.message);
    timer = setTimeout(() => !stopped && open(), reconnectDelay(attempt++));
  };

  open();
  return () => {
    stopped = true;
    clearTimeout(timer);
    source?.close();
  };
}
