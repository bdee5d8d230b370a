/**
 * What operators watch (metrics, health): the state of the job queue and of the database,
 * read at one moment. Types only.
 */

/** The job queue and the database as one read saw them. */
export interface OperationalStats {
  /** Jobs by status: queued, running, succeeded, failed, cancelled. */
  jobsByStatus: Record<string, number>;
  /** Seconds the oldest queued job has waited; 0 when none waits. */
  oldestQueuedSeconds: number;
  /** Postgres lock requests not granted right now. */
  lockWaits: number;
}
