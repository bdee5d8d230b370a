/** Where a running job is, as the dashboard and the CLI show it. */
export interface JobProgress {
  /** `extracting` files, `staging` rows, `embedding` patterns, `writing` them, `done`. */
  phase: "extracting" | "staging" | "embedding" | "writing" | "done";
  /** 0–1 over the whole run. */
  fraction: number;
  files_done?: number;
  files_total?: number;
  patterns_done?: number;
  patterns_total?: number;
  /** What the phase is doing now, in words ("occurrences", "relationships"). */
  step?: string;
  /** Counts the job's reports: of two readings of one job, the higher is the newer. */
  sequence?: number;
}

/**
 * One message of a project's job stream (`GET /api/v1/projects/<slug>/jobs/stream`, Server-Sent
 * Events): `job` announces a job the subscriber may read (its row, read under the subscriber's
 * row-level security, with the live progress), `progress` moves a job already announced, and
 * `finished` says its row now holds the outcome (read the list again).
 */
export type JobStreamMessage =
  | { type: "job"; job_id: string; job: Record<string, unknown> & { id: string; status: string; progress: JobProgress | null } }
  | { type: "progress"; job_id: string; progress: JobProgress }
  | { type: "finished"; job_id: string };
