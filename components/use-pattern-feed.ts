"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useReducer, useRef } from "react";
import { configUrl, connectPatternFeed, mergeEvents, type PatternEvent, type PatternFeedStatus, type RealtimeConfig } from "@/lib/realtime/client";
import { createEventInvalidator } from "./invalidate-on-events";
import { realtimeQueryKeys } from "./query-keys";

/** Options of `usePatternFeed`. */
export interface UsePatternFeedOptions {
  /** The transport config; read from `GET /api/v1/config` when not given (once per tab). */
  config?: RealtimeConfig;
  /** How many events the feed keeps (and loads before going live). Default 100. */
  limit?: number;
  /** False pauses the feed (no request, no connection). Default true. */
  enabled?: boolean;
  /** False leaves react-query caches alone. Default true: events invalidate the project's keys. */
  invalidate?: boolean;
  /** Called with each batch of live events (not the initial page), in id order. */
  onEvents?: (events: PatternEvent[]) => void;
}

/** What `usePatternFeed` returns. */
export interface PatternFeed {
  /** Newest first, at most `limit`. */
  events: PatternEvent[];
  status: PatternFeedStatus;
  /** The newest event id the feed holds (what a reconnect resumes after); null before any. */
  lastEventId: number | null;
  /** Why the feed stopped, when status is `unauthorized`, `not_found` or `error`. */
  error?: string;
}

type Action =
  | { type: "reset" }
  | { type: "events"; events: PatternEvent[]; limit: number }
  | { type: "status"; status: PatternFeedStatus; message?: string };

const initialFeed: PatternFeed = { events: [], status: "idle", lastEventId: null };

function reduceFeed(feed: PatternFeed, action: Action): PatternFeed {
  if (action.type === "reset") return { ...initialFeed, status: "connecting" };
  if (action.type === "status") return { ...feed, status: action.status, error: action.message };
  const events = mergeEvents(feed.events, action.events, action.limit);
  const newest = action.events.reduce((max, event) => Math.max(max, event.id), feed.lastEventId ?? 0);
  return { ...feed, events, lastEventId: newest > 0 ? newest : feed.lastEventId };
}

async function fetchRealtimeConfig(): Promise<RealtimeConfig> {
  const response = await fetch(configUrl, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`GET ${configUrl} answered ${response.status}`);
  return ((await response.json()) as { realtime: RealtimeConfig }).realtime;
}

/**
 * A project's `pattern_events` as they happen: the latest `limit` first, then live ones, over
 * Server-Sent Events (embedded) or Supabase Realtime (Supabase mode). Only members get events;
 * the feed resumes from the last event id after a drop, and each burst of events invalidates
 * the project's react-query caches (`realtimeQueryKeys`), so tables and charts refresh.
 * `project` is the project's slug or id.
 */
export function usePatternFeed(project: string, options: UsePatternFeedOptions = {}): PatternFeed {
  const queryClient = useQueryClient();
  const configQuery = useQuery({
    queryKey: realtimeQueryKeys.config,
    queryFn: fetchRealtimeConfig,
    staleTime: Infinity,
    enabled: options.config === undefined,
  });
  const config = options.config ?? configQuery.data;
  const configKey = config ? JSON.stringify(config) : undefined;
  const limit = options.limit ?? 100;
  const enabled = options.enabled !== false && Boolean(project);
  const invalidate = options.invalidate !== false;
  const onEventsRef = useRef(options.onEvents);
  const [feed, dispatch] = useReducer(reduceFeed, initialFeed);

  useEffect(() => {
    onEventsRef.current = options.onEvents;
  });

  useEffect(() => {
    if (!configKey || !enabled) return;
    dispatch({ type: "reset" });
    const invalidator = createEventInvalidator({ queryClient, project });
    const stop = connectPatternFeed({
      project,
      config: JSON.parse(configKey) as RealtimeConfig,
      limit,
      onEvents: (events, live) => {
        dispatch({ type: "events", events, limit });
        if (!live) return;
        if (invalidate) invalidator.add(events);
        onEventsRef.current?.(events);
      },
      onStatus: (status, message) => dispatch({ type: "status", status, message }),
    });
    return () => {
      stop();
      invalidator.cancel();
    };
  }, [project, configKey, limit, enabled, invalidate, queryClient]);

  if (configQuery.error && !config) return { ...feed, status: "error", error: configQuery.error.message };
  return feed;
}
