import { enqueueJob, type Project, type Queryable, type QueuedJob } from "@/lib/db";
import { MotifError } from "@/lib/errors";
import { readLlmConfig, noLlmProviderMessage } from "@/lib/llm";
import { requireWriter } from "@/lib/projects";

/**
 * Queues a `describe` job for a project as the caller (admins and members; viewers get a 403).
 * With no LLM provider configured nothing is queued: a 503 says how to configure one. An
 * already queued or running describe job is returned (`created: false`).
 */
export async function requestDescribe({ transaction, project, limit }: { transaction: Queryable; project: Project; limit: number }): Promise<{ created: boolean; job: QueuedJob }> {
  requireWriter(project.role, "queue jobs");
  if (readLlmConfig().providers.length === 0) throw new MotifError("unavailable:llm", noLlmProviderMessage);
  return enqueueJob({ transaction, projectId: project.id, jobType: "describe", payload: { limit } });
}
