import type { QueryClient, QueryKey } from "@tanstack/react-query";
import type { PatternEvent } from "@/lib/realtime/client";
import { queryKeysForEvent } from "./query-keys";

/** Collects events and invalidates their cache entries once per burst. */
export interface EventInvalidator {
  add(events: readonly PatternEvent[]): void;
  cancel(): void;
}

/**
 * An ingest writes hundreds of events in one commit; refetching the patterns table once per
 * event would flood the API. Keys are gathered for `delayMs` after the first event of a burst
 * and each distinct key is invalidated once.
 */
export function createEventInvalidator(options: {
  queryClient: QueryClient;
  project: string;
  delayMs?: number;
}): EventInvalidator {
  const pending = new Map<string, QueryKey>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    const keys = [...pending.values()];
    pending.clear();
    for (const queryKey of keys) void options.queryClient.invalidateQueries({ queryKey });
  };
  return {
    add(events) {
      for (const event of events) {
        for (const key of queryKeysForEvent(event, [options.project, event.project_id])) pending.set(JSON.stringify(key), key);
      }
      if (pending.size > 0 && timer === undefined) timer = setTimeout(flush, options.delayMs ?? 100);
    },
    cancel() {
      clearTimeout(timer);
      pending.clear();
    },
  };
}
