import { defaultJobLeaseSeconds, type Database, type QueuedJob } from "@/lib/db";
import type { EmbeddingProvider } from "@/lib/embed";
import { enqueueReembedJobs } from "./enqueue-reembed-jobs";
import { jobOwnerId } from "./job-owner";
import { recoverAbandonedJobs } from "./recover-abandoned-jobs";
import type { ReembedProgress } from "./reembed-project";
import { runNextJob, type JobOutcome } from "./run-next-job";

/** What `motif reembed` did: nothing to do, the job it ran, or the job another runner holds. */
export type ReembedNowResult =
  | { state: "current"; model: string }
  | { state: "ran"; outcome: JobOutcome }
  | { state: "elsewhere"; job: QueuedJob };

/**
 * Re-embeds a project now, in this process, as a `reembed` job (queued first, so the dashboard
 * and other workers see it; an abandoned one is failed first and its work resumed).
 */
export async function reembedNow({
  database,
  projectId,
  embedder,
  batchSize,
  onProgress,
}: {
  database: Database;
  projectId: string;
  embedder: EmbeddingProvider;
  /** Patterns per transaction (default 128). */
  batchSize?: number;
  onProgress?: (progress: ReembedProgress) => void;
}): Promise<ReembedNowResult> {
  const owner = jobOwnerId();
  await recoverAbandonedJobs({ database, owner });
  const [queued] = await enqueueReembedJobs({ database, model: embedder.id, projectId });
  if (!queued) return { state: "current", model: embedder.id };
  if (queued.job.status === "running") return { state: "elsewhere", job: queued.job };
  const outcome = await runNextJob({
    database, embedder, owner, leaseSeconds: defaultJobLeaseSeconds, jobId: queued.job.id, batchSize,
    onProgress: (progress) => onProgress?.(progress),
  });
  return outcome ? { state: "ran", outcome } : { state: "elsewhere", job: queued.job };
}
