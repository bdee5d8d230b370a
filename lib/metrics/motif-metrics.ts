import { defineCounter, defineGauge, defineHistogram } from "./metrics-registry";

// Seconds. Requests and matches are milliseconds-fast; ingests take seconds to minutes.
const requestBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const matchBuckets = [0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1];
const ingestBuckets = [0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 900];
const waitBuckets = [0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5];

/** Motif's own metrics, by what they measure (created on first use). */
export const motifMetrics = {
  /** HTTP requests by method, route pattern (`/api/v1/patterns/[id]`) and status. */
  requestDuration: () => defineHistogram({ name: "motif_http_request_duration_seconds", help: "HTTP requests served, by route pattern", labelNames: ["method", "route", "status"], buckets: requestBuckets }),
  /** Pattern matches (API, CLI, MCP, prompt enhancement). */
  matchDuration: () => defineHistogram({ name: "motif_match_duration_seconds", help: "Time to match patterns to an intent", buckets: matchBuckets }),
  ingestDuration: () => defineHistogram({ name: "motif_ingest_duration_seconds", help: "Time to ingest an extraction into a project", labelNames: ["outcome"], buckets: ingestBuckets }),
  ingestFiles: () => defineCounter({ name: "motif_ingest_files_total", help: "Source files ingested (those holding a pattern occurrence or failing to parse)" }),
  ingestPatterns: () => defineCounter({ name: "motif_ingest_patterns_total", help: "Patterns received by ingests, by what became of them", labelNames: ["result"] }),
  /** Time a unit of database work waited for the connection (embedded: PGlite's one session; Supabase: the pool). */
  databaseWait: () => defineHistogram({ name: "motif_database_wait_seconds", help: "Time a transaction waited for a database connection", labelNames: ["driver"], buckets: waitBuckets }),
  databaseLockWaits: () => defineGauge({ name: "motif_database_lock_waits", help: "Postgres lock requests waiting now (pg_locks, not granted)" }),
  jobQueueDepth: () => defineGauge({ name: "motif_job_queue_depth", help: "Jobs by status (queued waits for a worker)", labelNames: ["status"] }),
  jobQueueAge: () => defineGauge({ name: "motif_job_queue_oldest_age_seconds", help: "Age of the oldest queued job (0 when none waits)" }),
  feedSubscribers: () => defineGauge({ name: "motif_feed_subscribers", help: "Open pattern-feed event streams of this process" }),
};
