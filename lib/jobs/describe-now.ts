import { asService, defaultJobLeaseSeconds, enqueueJob, type Database, type QueuedJob } from "@/lib/db";
import type { DescribeProgress } from "@/lib/describe";
import type { EmbeddingProvider } from "@/lib/embed";
import type { LlmRouter } from "@/lib/llm";
import { jobOwnerId } from "./job-owner";
import { recoverAbandonedJobs } from "./recover-abandoned-jobs";
import { runNextJob, type JobOutcome } from "./run-next-job";

/** What `motif describe` did: the job it ran, or the job another runner holds. */
export type DescribeNowResult = { state: "ran"; outcome: JobOutcome } | { state: "elsewhere"; job: QueuedJob };

/**
 * Describes a project's patterns now, in this process, as a `describe` job (queued first, so the
 * dashboard and other workers see it and its progress; one already running elsewhere is left be).
 */
export async function describeNow({
  database,
  projectId,
  limit,
  embedder,
  router,
  onProgress,
}: {
  database: Database;
  projectId: string;
  limit: number;
  embedder: EmbeddingProvider;
  router: LlmRouter;
  onProgress?: (progress: DescribeProgress) => void;
}): Promise<DescribeNowResult> {
  const owner = jobOwnerId();
  await recoverAbandonedJobs({ database, owner });
  const { job } = await asService(database, (transaction) => enqueueJob({ transaction, projectId, jobType: "describe", payload: { limit } }));
  if (job.status === "running") return { state: "elsewhere", job };
  const outcome = await runNextJob({
    database, embedder, router, owner, leaseSeconds: defaultJobLeaseSeconds, jobId: job.id,
    onProgress: (progress) => onProgress?.(progress as DescribeProgress),
  });
  return outcome ? { state: "ran", outcome } : { state: "elsewhere", job };
}
