import { asService, getOperatorProjectById, renewJobLease, type Database, type QueuedJob } from "@/lib/db";
import type { EmbeddingProvider } from "@/lib/embed";
import { MotifError } from "@/lib/errors";
import { createConfiguredRouter, type LlmRouter } from "@/lib/llm";
import { describePatterns, type DescribeProgress } from "./describe-patterns";

/** How a runner runs a describe job (the fields of lib/jobs' JobRunContext it reads). */
export interface DescribeJobContext {
  database: Database;
  embedder: EmbeddingProvider;
  owner: string;
  leaseSeconds: number;
  /** The router to use; the environment's when absent. */
  router?: LlmRouter;
  onProgress?: (progress: DescribeProgress, job: QueuedJob) => void;
  /** Aborted when the process shuts down: the job stops after the pattern in hand and is queued again. */
  signal?: AbortSignal;
}

/**
 * Runs a `describe` job (payload `{limit}`): describePatterns for the job's project, its
 * progress written into the job row with every lease renewal, after each pattern.
 */
export async function runDescribeJob(job: QueuedJob, context: DescribeJobContext): Promise<DescribeProgress> {
  const project = await asService(context.database, (transaction) => getOperatorProjectById({ transaction, projectId: job.project_id }));
  if (!project) throw new MotifError("not_found:resource", `project ${job.project_id} of job ${job.id} no longer exists`);
  const limit = typeof job.payload.limit === "number" ? job.payload.limit : 50;
  return describePatterns({
    database: context.database, router: context.router ?? createConfiguredRouter(context.database), embedder: context.embedder,
    project, limit, jobId: job.id,
    onProgress: async (progress) => {
      if (context.signal?.aborted) throw new MotifError("unavailable:server", `the process is shutting down; job ${job.id} stopped after ${progress.processed} of ${progress.total} patterns and will resume`);
      const ours = await asService(context.database, (transaction) =>
        renewJobLease({ transaction, jobId: job.id, lockedBy: context.owner, leaseSeconds: context.leaseSeconds, progress: { ...progress } }));
      if (!ours) throw new MotifError("conflict:resource", `job ${job.id} is no longer run by ${context.owner} (declared abandoned or cancelled)`);
      context.onProgress?.(progress, job);
    },
  });
}
