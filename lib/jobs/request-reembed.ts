import { countPatternsToReembed, enqueueJob, type Project, type Queryable, type QueuedJob } from "@/lib/db";
import { requireWriter } from "@/lib/projects";

/** What asking for a re-embedding led to: nothing to do, or the queued (or already active) job. */
export type ReembedRequest =
  | { state: "current"; model: string; patterns: 0 }
  | { state: "queued"; model: string; patterns: number; created: boolean; job: QueuedJob };

/**
 * Queues a `reembed` job for a project whose patterns another model than `model` embedded,
 * as the caller (RLS: admins and members may queue, viewers get a 403 first). A project
 * already queued or re-embedding gets its active job back (`created: false`); one with
 * nothing to re-embed gets no job. The worker (`motif serve`, `motif worker`) runs it.
 */
export async function requestReembed({ transaction, project, model }: { transaction: Queryable; project: Project; model: string }): Promise<ReembedRequest> {
  requireWriter(project.role, "queue jobs");
  const patterns = await countPatternsToReembed({ transaction, projectId: project.id, model });
  if (patterns === 0) return { state: "current", model, patterns: 0 };
  const { job, created } = await enqueueJob({ transaction, projectId: project.id, jobType: "reembed", payload: { model } });
  return { state: "queued", model, patterns, created, job };
}
