export { jobOwnerId } from "./job-owner";
export { recoverAbandonedJobs } from "./recover-abandoned-jobs";
export { enqueueReembedJobs } from "./enqueue-reembed-jobs";
export { reembedProject, type ReembedProgress, type JobRunContext } from "./reembed-project";
export { storedPatternText } from "./stored-pattern-text";
export { runNextJob, runnableJobTypes, type JobOutcome } from "./run-next-job";
export { reembedNow, type ReembedNowResult } from "./reembed-now";
export { drainJobs, startJobWorker, type JobWorkerOptions, type DrainOptions, type WorkerEvent } from "./job-worker";
export { describeWorkerEvent } from "./describe-worker-event";
export { requestReembed, type ReembedRequest } from "./request-reembed";
export {
  publishJobProgress,
  forgetJobProgress,
  liveJobProgress,
  liveJobIds,
  subscribeToJobProgress,
  withLiveProgress,
  createEventLoopYield,
  type JobProgressHandler,
} from "./live-job-progress";
export type { JobProgress } from "@/lib/domain";
export { describeNow, type DescribeNowResult } from "./describe-now";
export { requestDescribe, requestDescribeAsOperator } from "./request-describe";
export { listJobsOfProject, requireJobOfProject } from "./project-jobs";
