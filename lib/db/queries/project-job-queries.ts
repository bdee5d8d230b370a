import type { Queryable } from "../database";
import type { Job } from "./job-queries";

/** A job as a project's members read it through the API: the row, its attempts and its times. */
export interface ProjectJob extends Job {
  attempts: number;
  max_attempts: number;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

const projectJobColumns = "id, project_id, job_type, status, progress, result, error, attempts, max_attempts, created_at, started_at, finished_at";

/** A project's jobs, newest first, optionally of some statuses only (RLS: the caller's projects). */
export async function listProjectJobs({
  transaction,
  projectId,
  statuses,
  limit,
}: {
  transaction: Queryable;
  projectId: string;
  statuses?: readonly Job["status"][];
  limit: number;
}): Promise<ProjectJob[]> {
  return transaction.query<ProjectJob>(
    `select ${projectJobColumns} from public.jobs
     where project_id = $1 and ($2::text[] is null or status = any($2))
     order by created_at desc, id desc limit $3`,
    [projectId, statuses && statuses.length > 0 ? statuses : null, limit],
  );
}

/** One job of a project, or null when it does not exist or RLS hides it. */
export async function getProjectJob({ transaction, projectId, jobId }: { transaction: Queryable; projectId: string; jobId: string }): Promise<ProjectJob | null> {
  const [job] = await transaction.query<ProjectJob>(`select ${projectJobColumns} from public.jobs where project_id = $1 and id = $2`, [projectId, jobId]);
  return job ?? null;
}
