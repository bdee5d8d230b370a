import { asService, enqueueJob, listProjectsToReembed, type Database, type QueuedJob } from "@/lib/db";

/**
 * Queues a `reembed` job for every project (or the one given) holding patterns that another
 * model than `model` embedded. Idempotent: a project's queued or running job is reused.
 */
export async function enqueueReembedJobs({
  database,
  model,
  projectId,
}: {
  database: Database;
  /** The configured provider's model id (`provider.id`). */
  model: string;
  projectId?: string;
}): Promise<Array<{ job: QueuedJob; created: boolean; patterns: number }>> {
  return asService(database, async (transaction) => {
    const projects = await listProjectsToReembed({ transaction, model, projectId });
    const queued = [];
    for (const project of projects) {
      const { job, created } = await enqueueJob({ transaction, projectId: project.project_id, jobType: "reembed", payload: { model } });
      queued.push({ job, created, patterns: project.patterns });
    }
    return queued;
  });
}
