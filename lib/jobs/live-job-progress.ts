import type { JobProgress } from "@/lib/domain";

/** Hears a project's live job progress: a report (`progress`), or `null` once the job's row holds its outcome. */
export type JobProgressHandler = (jobId: string, progress: JobProgress | null) => void;

interface LiveJobs {
  /** Running jobs' latest progress and their project, by job id. */
  jobs: Map<string, { projectId: string; progress: JobProgress }>;
  /** Subscribers by project id. */
  handlers: Map<string, Set<JobProgressHandler>>;
}

// One record per process, on globalThis: Next.js bundles each route apart, and the route that
// runs an ingest and those that list or stream jobs must share it.
const globalForProgress = globalThis as unknown as { motifLiveJobs?: LiveJobs };
const live = (globalForProgress.motifLiveJobs ??= { jobs: new Map(), handlers: new Map() });

function notify(projectId: string, jobId: string, progress: JobProgress | null): void {
  for (const handler of live.handlers.get(projectId) ?? []) {
    try {
      handler(jobId, progress);
    } catch (error) {
      console.warn("a job progress subscriber failed:", (error as Error).message);
    }
  }
}

/**
 * Publishes a running job's progress in this process. An ingest writes its patterns in one
 * transaction, which nobody else can see into (PGlite has one connection, and a commit midway
 * would break the all-or-nothing write): the process doing the work answers for it instead,
 * to the jobs list (`withLiveProgress`) and to the project's job streams (`subscribeToJobProgress`).
 * Each report gets the next `sequence`, so that readers can tell the newer of two readings.
 */
export function publishJobProgress(options: { jobId: string; projectId: string; progress: JobProgress }): JobProgress {
  const previous = live.jobs.get(options.jobId);
  const progress = { ...options.progress, sequence: (previous?.progress.sequence ?? 0) + 1 };
  live.jobs.set(options.jobId, { projectId: options.projectId, progress });
  notify(options.projectId, options.jobId, progress);
  return progress;
}

/** Forgets a job's live progress once its row holds the outcome, and tells the project's subscribers. */
export function forgetJobProgress(jobId: string): void {
  const record = live.jobs.get(jobId);
  if (!record) return;
  live.jobs.delete(jobId);
  notify(record.projectId, jobId, null);
}

/** A running job's live progress in this process, if it publishes one. */
export function liveJobProgress(jobId: string): JobProgress | undefined {
  return live.jobs.get(jobId)?.progress;
}

/** The ids of one project's jobs that publish live progress in this process. */
export function liveJobIds(projectId: string): string[] {
  return [...live.jobs].filter(([, record]) => record.projectId === projectId).map(([jobId]) => jobId);
}

/**
 * Subscribes to one project's live job progress, in memory: no database read, so it moves while
 * an ingest's write transaction holds the embedded database. Whoever subscribes must have checked
 * that the caller may read the project's jobs. Returns the unsubscribe function.
 */
export function subscribeToJobProgress(projectId: string, handler: JobProgressHandler): () => void {
  const handlers = live.handlers.get(projectId) ?? new Set<JobProgressHandler>();
  live.handlers.set(projectId, handlers);
  handlers.add(handler);
  return () => {
    handlers.delete(handler);
    if (handlers.size === 0 && live.handlers.get(projectId) === handlers) live.handlers.delete(projectId);
  };
}

/** Running jobs with the progress this process publishes for them in place of their row's (older) progress. */
export function withLiveProgress<T extends { id: string; status: string; progress: Record<string, unknown> | null }>(jobs: T[]): T[] {
  return jobs.map((job) => {
    const progress = job.status === "running" ? live.jobs.get(job.id)?.progress : undefined;
    return progress ? { ...job, progress: { ...progress } } : job;
  });
}

/**
 * Lets the event loop run (sockets, timers, other requests) when more than `everyMs` passed
 * since the last time: long in-process work (extraction, embedding, a write's statements)
 * resolves its promises as microtasks, which alone would starve the streams that report it.
 */
export function createEventLoopYield(everyMs = 50): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < everyMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    last = performance.now();
  };
}
