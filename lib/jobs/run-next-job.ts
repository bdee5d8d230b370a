import { asService, claimNextJob, failOrRetryJobById, finishJobById, type QueuedJob } from "@/lib/db";
import { runDescribeJob } from "@/lib/describe";
import { reembedProject, type JobRunContext } from "./reembed-project";

/** Runs one job of a type to its result (thrown errors retry or fail the job). */
export type JobHandler = (job: QueuedJob, context: JobRunContext) => Promise<object>;

/** The job types every runner knows, and what runs each. */
const handlers: Record<string, JobHandler> = {
  reembed: reembedProject,
  describe: runDescribeJob,
};

/** The job types every runner runs; `handlers` in the context adds more (lib/github's, given by `motif serve` and `motif worker`). */
export const runnableJobTypes = Object.keys(handlers);

/** What became of a job a runner took. */
export interface JobOutcome {
  job: QueuedJob;
  status: "succeeded" | "queued" | "failed";
  result?: object;
  error?: string;
}

/**
 * Takes the next queued job (or the queued job `jobId`) and runs it to the end: succeeded with
 * its result, or, when it throws, queued again while it has attempts left, else failed.
 * Resolves to undefined when there is nothing to run.
 */
export async function runNextJob(context: JobRunContext & { jobId?: string }): Promise<JobOutcome | undefined> {
  const known = { ...handlers, ...context.handlers };
  const job = await asService(context.database, (transaction) =>
    claimNextJob({ transaction, jobTypes: Object.keys(known), lockedBy: context.owner, leaseSeconds: context.leaseSeconds, jobId: context.jobId }));
  if (!job) return undefined;
  try {
    const result = await known[job.job_type](job, context);
    await asService(context.database, (transaction) => finishJobById({ transaction, jobId: job.id, status: "succeeded", result: { ...result } }));
    return { job, status: "succeeded", result };
  } catch (error) {
    const message = (error as Error).message;
    const status = await asService(context.database, (transaction) => failOrRetryJobById({ transaction, jobId: job.id, lockedBy: context.owner, error: message }));
    return { job, status, error: message };
  }
}
