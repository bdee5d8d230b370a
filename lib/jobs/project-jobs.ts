import { getProjectJob, listProjectJobs, type Project, type ProjectJob, type Queryable } from "@/lib/db";
import type { JobStatus } from "@/lib/domain";
import { MotifError } from "@/lib/errors";

/** A project's background jobs, newest first, optionally only those in some statuses. */
export function listJobsOfProject(options: { transaction: Queryable; project: Project; statuses?: JobStatus[]; limit: number }): Promise<ProjectJob[]> {
  return listProjectJobs({ transaction: options.transaction, projectId: options.project.id, statuses: options.statuses, limit: options.limit });
}

/** One job of a project, with its progress; a 404 when the project has no such job. */
export async function requireJobOfProject({ transaction, project, jobId }: { transaction: Queryable; project: Project; jobId: string }): Promise<ProjectJob> {
  const job = await getProjectJob({ transaction, projectId: project.id, jobId });
  if (!job) throw new MotifError("not_found:resource", `job ${jobId} not found in project "${project.slug}"`);
  return job;
}
