/** What /api/health reports. Types only. */

/** One part's state: ok, degraded (works, but something needs a look) or down. */
export type HealthStatus = "ok" | "degraded" | "down";

/** One checked part with what was found. */
export interface HealthCheck {
  status: HealthStatus;
  /** Why it is not ok, in words an operator can act on. */
  message?: string;
  [detail: string]: unknown;
}

/** The whole report: the worst part's status, and every part. */
export interface HealthReport {
  status: HealthStatus;
  mode: "embedded" | "supabase";
  checks: Record<string, HealthCheck>;
}
