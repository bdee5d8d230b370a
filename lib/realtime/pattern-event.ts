import type { PatternEvent } from "@/lib/domain";

export type { PatternEvent };

/** How the browser receives a project's events: SSE from this server, or Supabase Realtime. */
export type RealtimeConfig =
  | { transport: "sse" }
  | { transport: "supabase"; supabaseUrl: string; supabaseAnonKey: string };

/**
 * Normalises a row from either driver or from Supabase Realtime into a PatternEvent: bigint
 * ids arrive as numbers (PGlite, Realtime) or strings (postgres.js), timestamps as Date or text.
 */
export function toPatternEvent(source: object): PatternEvent {
  const row = source as Record<string, unknown>;
  const createdAt = row.created_at;
  return {
    id: Number(row.id),
    project_id: String(row.project_id),
    pattern_id: row.pattern_id == null ? null : String(row.pattern_id),
    event_type: String(row.event_type),
    event_data: (typeof row.event_data === "string" ? JSON.parse(row.event_data) : row.event_data ?? {}) as Record<string, unknown>,
    actor: row.actor == null ? null : String(row.actor),
    actor_name: row.actor_name == null ? null : String(row.actor_name),
    actor_kind: row.actor_kind === "person" || row.actor_kind === "agent" ? row.actor_kind : null,
    pattern_name: row.pattern_name == null ? null : String(row.pattern_name),
    ingest_job_id: row.ingest_job_id == null ? null : String(row.ingest_job_id),
    created_at: createdAt instanceof Date ? createdAt.toISOString() : new Date(String(createdAt)).toISOString(),
  };
}
