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
}

// One map per process, on globalThis: Next.js bundles each route apart, and the route that runs
// an ingest and the one that lists jobs must read the same map.
const globalForProgress = globalThis as unknown as { motifJobProgress?: Map<string, JobProgress> };
const live = (globalForProgress.motifJobProgress ??= new Map<string, JobProgress>());

/**
 * Publishes a running job's progress in this process. An ingest writes its patterns in one
 * transaction, which nobody else can see into (PGlite has one connection, and a commit midway
 * would break the all-or-nothing write): the process doing the work answers for it instead.
 */
export function publishJobProgress(jobId: string, progress: JobProgress): void {
  live.set(jobId, progress);
}

/** Forgets a job's live progress once its row holds the outcome. */
export function forgetJobProgress(jobId: string): void {
  live.delete(jobId);
}

/** Running jobs with the progress this process publishes for them in place of their row's (older) progress. */
export function withLiveProgress<T extends { id: string; status: string; progress: Record<string, unknown> | null }>(jobs: T[]): T[] {
  return jobs.map((job) => {
    const progress = job.status === "running" ? live.get(job.id) : undefined;
    return progress ? { ...job, progress: { ...progress } } : job;
  });
}
