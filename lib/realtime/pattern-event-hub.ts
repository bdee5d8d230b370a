import { z } from "zod";
import type { Database } from "@/lib/db";

/** Receives the ids of newly committed events of one project. */
export type EventIdsHandler = (ids: number[]) => void;

interface Hub {
  database: Database;
  handlers: Map<string, Set<EventIdsHandler>>;
  listening: Promise<() => Promise<void>>;
}

/** The channel the `pattern_events` insert trigger notifies (see the pattern_feedback migration). */
export const patternEventsChannel = "pattern_events";

const notificationSchema = z.object({ id: z.coerce.number().int().positive(), project_id: z.string() });

// On globalThis: `motif serve` and the route bundles Next.js compiles are separate module
// graphs in one process, and the point is ONE database listener however many streams are open.
const globalForHub = globalThis as unknown as { motifPatternEventHub?: Hub };

function parsePayload(payload: string): unknown {
  try {
    return JSON.parse(payload);
  } catch {
    return undefined;
  }
}

function route(hub: Hub, payload: string) {
  const parsed = notificationSchema.safeParse(parsePayload(payload));
  if (!parsed.success) return console.warn("ignored a malformed pattern_events notification:", payload);
  for (const handler of hub.handlers.get(parsed.data.project_id) ?? []) handler([parsed.data.id]);
}

function startHub(database: Database): Hub {
  const hub: Hub = { database, handlers: new Map(), listening: Promise.resolve(async () => {}) };
  hub.listening = database.listen(patternEventsChannel, (payload) => route(hub, payload));
  return hub;
}

function stopHub(hub: Hub) {
  if (globalForHub.motifPatternEventHub === hub) globalForHub.motifPatternEventHub = undefined;
  void hub.listening
    .then((unlisten) => unlisten())
    .catch((error: unknown) => console.warn("could not stop listening on pattern_events:", (error as Error).message));
}

/**
 * Subscribes to one project's newly committed event ids. The process holds a single LISTEN on
 * `pattern_events` while anyone is subscribed and fans its notifications out by project in
 * memory. Ids only: subscribers read the rows themselves under their own RLS. Resolves once
 * the LISTEN is active, to an unsubscribe function.
 */
export async function subscribeToEventIds(options: {
  database: Database;
  projectId: string;
  onIds: EventIdsHandler;
}): Promise<() => void> {
  let hub = globalForHub.motifPatternEventHub;
  if (hub && hub.database !== options.database) stopHub(hub);
  hub = globalForHub.motifPatternEventHub ??= startHub(options.database);
  const handlers = hub.handlers.get(options.projectId) ?? new Set<EventIdsHandler>();
  hub.handlers.set(options.projectId, handlers);
  handlers.add(options.onIds);
  let subscribed = true;
  const unsubscribe = () => {
    if (!subscribed) return;
    subscribed = false;
    handlers.delete(options.onIds);
    if (handlers.size === 0) hub.handlers.delete(options.projectId);
    if (hub.handlers.size === 0) stopHub(hub);
  };
  try {
    await hub.listening;
  } catch (error) {
    unsubscribe();
    throw error;
  }
  return unsubscribe;
}

/** How many subscriptions the process-wide listener serves (health checks and tests). */
export function countEventSubscribers(): number {
  const hub = globalForHub.motifPatternEventHub;
  return hub ? [...hub.handlers.values()].reduce((sum, handlers) => sum + handlers.size, 0) : 0;
}
