import type { WorkerEvent } from "./job-worker";

/** One log line for a worker event; progress events have none (the job row holds progress). */
export function describeWorkerEvent(event: WorkerEvent): string | undefined {
  switch (event.type) {
    case "abandoned":
      return `job ${event.jobId} (${event.jobType}) failed: ${event.error}`;
    case "queued":
      return `queued job ${event.jobId}: re-embed ${event.patterns} patterns of project ${event.projectId}`;
    case "finished": {
      const { outcome } = event;
      const detail = outcome.status === "succeeded" ? JSON.stringify(outcome.result) : outcome.error;
      return `job ${outcome.job.id} (${outcome.job.job_type}) ${outcome.status}: ${detail}`;
    }
    default:
      return undefined;
  }
}
