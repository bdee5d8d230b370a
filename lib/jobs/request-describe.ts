import { enqueueJob, type Database, type Project, type Queryable, type QueuedJob } from "@/lib/db";
import { MotifError } from "@/lib/errors";
import { readLlmConfig, noLlmProviderMessage } from "@/lib/llm";
import { inOperatorProject } from "@/lib/operator";
import { requireWriter } from "@/lib/projects";

/**
 * Queues a `describe` job for a project as the caller (admins and members; viewers get a 403).
 * With no LLM provider configured nothing is queued: a 409 says how to configure one. An
 * already queued or running describe job is returned (`created: false`).
 */
export async function requestDescribe({ transaction, project, limit }: { transaction: Queryable; project: Project; limit: number }): Promise<{ created: boolean; job: QueuedJob }> {
  requireWriter(project.role, "queue jobs");
  if (readLlmConfig().providers.length === 0) throw new MotifError("not_configured:llm", noLlmProviderMessage);
  return enqueueJob({ transaction, projectId: project.id, jobType: "describe", payload: { limit } });
}

/** Queues a `describe` job as the local operator (`motif describe` while `motif serve` owns the data dir). */
export async function requestDescribeAsOperator({ database, slug, limit }: { database: Database; slug: string; limit: number }): Promise<{ created: boolean; job: QueuedJob }> {
  if (readLlmConfig().providers.length === 0) throw new MotifError("not_configured:llm", `motif describe: ${noLlmProviderMessage}`);
  return inOperatorProject({ database, slug }, (transaction, project) => enqueueJob({ transaction, projectId: project.id, jobType: "describe", payload: { limit } }));
}
