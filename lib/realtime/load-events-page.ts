import { eventsUrl } from "./feed-endpoints";
import { statusForHttp, type PatternFeedStatus } from "./feed-status";
import { toPatternEvent, type PatternEvent } from "./pattern-event";

/** A page of the JSON event list, or why it could not be read. */
export type EventsPage =
  | { ok: true; projectId: string; events: PatternEvent[]; lastEventId: number }
  | { ok: false; status: PatternFeedStatus; message: string; retry: boolean };

interface EventsBody {
  project?: { id: string };
  events?: Record<string, unknown>[];
  last_event_id?: number;
  error?: { message?: string };
}

/**
 * Reads `GET /api/v1/projects/<project>/events` from the browser (the session cookie goes
 * along). A 401/403/404 is final; network failures and 5xx answers may be retried.
 */
export async function loadEventsPage(project: string, query: { after?: number; limit?: number }): Promise<EventsPage> {
  let response: Response;
  try {
    response = await fetch(eventsUrl(project, query), { credentials: "same-origin", cache: "no-store" });
  } catch (error) {
    return { ok: false, status: "reconnecting", message: (error as Error).message, retry: true };
  }
  const body = (await response.json().catch(() => ({}))) as EventsBody;
  if (!response.ok) {
    const final = statusForHttp(response.status);
    const message = body.error?.message ?? response.statusText;
    return { ok: false, status: final ?? "reconnecting", message, retry: final === undefined };
  }
  return {
    ok: true,
    projectId: body.project?.id ?? "",
    events: (body.events ?? []).map(toPatternEvent),
    lastEventId: body.last_event_id ?? 0,
  };
}
