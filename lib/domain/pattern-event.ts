/** One row of `pattern_events` as the feed delivers it (JSON-safe: numbers and strings). */
export interface PatternEvent {
  /** The table's bigint identity: it orders the feed and is the SSE event id to resume from. */
  id: number;
  project_id: string;
  pattern_id: string | null;
  /** `pattern.created`, `pattern.used`, `pattern.deleted`, … (lowercase, dotted). */
  event_type: string;
  event_data: Record<string, unknown>;
  actor: string | null;
  /** Who acted: a member's e-mail or an API key's name; null for the local operator. */
  actor_name: string | null;
  /** `person` (a member), `agent` (an API key), or null. */
  actor_kind: "person" | "agent" | null;
  /** The pattern the event is about, by name (null when it has none). */
  pattern_name: string | null;
  /** Set on an ingest's per-pattern events: the ingest (job) whose feed entry they belong to. */
  ingest_job_id: string | null;
  /** ISO 8601. */
  created_at: string;
}
