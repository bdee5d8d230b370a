import { setTimeout as sleep } from "node:timers/promises";
import { defaultJobLeaseSeconds, type Database } from "@/lib/db";
import type { EmbeddingProvider } from "@/lib/embed";
import { enqueueReembedJobs } from "./enqueue-reembed-jobs";
import { jobOwnerId } from "./job-owner";
import { recoverAbandonedJobs } from "./recover-abandoned-jobs";
import type { JobRunContext, ReembedProgress } from "./reembed-project";
import { runNextJob, type JobOutcome } from "./run-next-job";

/** What a worker reports as it goes (the CLI prints it; the server logs it). */
export type WorkerEvent =
  | { type: "abandoned"; jobId: string; jobType: string; error: string }
  | { type: "queued"; jobId: string; projectId: string; patterns: number }
  | { type: "progress"; jobId: string; progress: ReembedProgress }
  | { type: "finished"; outcome: JobOutcome };

/** Options of a job worker. */
export interface JobWorkerOptions {
  database: Database;
  embedder: EmbeddingProvider;
  /** Pause between polls of an empty queue. */
  pollMs?: number;
  leaseSeconds?: number;
  onEvent?: (event: WorkerEvent) => void;
  /** Stops the round: no job is taken after it is aborted, and a running one stops between batches. */
  signal?: AbortSignal;
  /** More job types to run (lib/github's), by type. */
  handlers?: JobRunContext["handlers"];
}

/** Options of one round: whether it first looks for projects another model embedded. */
export type DrainOptions = JobWorkerOptions & { enqueueReembeds?: boolean };

/**
 * One round of a worker: fails abandoned jobs, queues (with `enqueueReembeds`) a re-embedding
 * for every project that another model embedded, so a provider change needs no command, then
 * runs queued jobs until none is left. Resolves to the outcomes of the jobs it ran.
 */
export async function drainJobs(options: DrainOptions): Promise<JobOutcome[]> {
  const { database, embedder, onEvent } = options;
  const owner = jobOwnerId();
  for (const job of await recoverAbandonedJobs({ database, owner })) {
    onEvent?.({ type: "abandoned", jobId: job.id, jobType: job.job_type, error: job.error });
  }
  const queued = options.enqueueReembeds ? await enqueueReembedJobs({ database, model: embedder.id }) : [];
  for (const { job, created, patterns } of queued) {
    if (created) onEvent?.({ type: "queued", jobId: job.id, projectId: job.project_id, patterns });
  }
  const outcomes: JobOutcome[] = [];
  while (!options.signal?.aborted) {
    const outcome = await runNextJob({
      database, embedder, owner, leaseSeconds: options.leaseSeconds ?? defaultJobLeaseSeconds, signal: options.signal, handlers: options.handlers,
      onProgress: (progress, job) => onEvent?.({ type: "progress", jobId: job.id, progress }),
    });
    if (!outcome) return outcomes;
    outcomes.push(outcome);
    onEvent?.({ type: "finished", outcome });
  }
  return outcomes;
}

/**
 * Runs {@link drainJobs} in a loop until stopped: `motif worker`, and `motif serve` in-process
 * (embedded mode has one owner per data dir, so the server is where its jobs run). The first
 * round looks for projects to re-embed (a provider change takes effect at start; ingest queues
 * its own). A round that throws (database briefly unreachable) is reported and retried.
 * `stop` takes no further job and stops a running one between batches (it is queued again).
 */
export function startJobWorker(options: JobWorkerOptions & { onError?: (error: Error) => void }): { stop: () => Promise<void> } {
  const controller = new AbortController();
  const loop = (async () => {
    for (let round = 0; !controller.signal.aborted; round++) {
      try {
        await drainJobs({ ...options, enqueueReembeds: round === 0, signal: controller.signal });
      } catch (error) {
        options.onError?.(error as Error);
      }
      await sleep(options.pollMs ?? 5_000, undefined, { signal: controller.signal }).catch(() => undefined);
    }
  })();
  return {
    stop: async () => {
      controller.abort();
      await loop;
    },
  };
}
