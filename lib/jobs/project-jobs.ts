import { getProjectJob, listProjectJobs, type Project, type ProjectJob, type Queryable } from "@/lib/db";
import type { JobStatus } from "@/lib/domain";
import { MotifError } from "@/lib/errors";
import { withLiveProgress } from "./live-job-progress";

/**
 * A project's background jobs, newest first, optionally only those in some statuses; a running
 * job this process works on shows its live progress.
 */
export async function listJobsOfProject(options: { transaction: Queryable; project: Project; statuses?: JobStatus[]; limit: number }): Promise<ProjectJob[]> {
  return withLiveProgress(await listProjectJobs({ transaction: options.transaction, projectId: options.project.id, statuses: options.statuses, limit: options.limit }));
}

/** One job of a project, with its progress (live when this process runs it); a 404 when the project has no such job. */
export async function requireJobOfProject({ transaction, project, jobId }: { transaction: Queryable; project: Project; jobId: string }): Promise<ProjectJob> {
  const job = await getProjectJob({ transaction, projectId: project.id, jobId });
  if (!job) throw new MotifError("not_found:resource", `job ${jobId} not found in project "${project.slug}"`);
  return withLiveProgress([job])[0];
}
