import type { Queryable } from "../database";
import type { Job } from "./job-queries";

/** A job as a project's members read it through the API: the row, its attempts and its times. */
export interface ProjectJob extends Job {
  attempts: number;
  max_attempts: number;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  /** The repository an ingest read ("" for a project's single checkout), from the job's payload. */
  repository: string | null;
  /** Who started it: a member's e-mail or an API key's name; null for the local operator or the worker. */
  created_by_name: string | null;
  created_by_kind: "person" | "agent" | null;
}

// `$1` is always the project id (whose actors name `created_by`).
const projectJobColumns = `j.id, j.project_id, j.job_type, j.status, j.progress, j.result, j.error, j.attempts, j.max_attempts,
  j.created_at, j.started_at, j.finished_at, j.payload ->> 'repository' as repository, a.name as created_by_name, a.kind as created_by_kind`;
const projectJobSource = "public.jobs j left join public.project_actors($1) a on a.actor = j.created_by";

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
    `select ${projectJobColumns} from ${projectJobSource}
     where j.project_id = $1 and ($2::text[] is null or j.status = any($2))
     order by j.created_at desc, j.id desc limit $3`,
    [projectId, statuses && statuses.length > 0 ? statuses : null, limit],
  );
}

/** One job of a project, or null when it does not exist or RLS hides it. */
export async function getProjectJob({ transaction, projectId, jobId }: { transaction: Queryable; projectId: string; jobId: string }): Promise<ProjectJob | null> {
  const [job] = await transaction.query<ProjectJob>(`select ${projectJobColumns} from ${projectJobSource} where j.project_id = $1 and j.id = $2`, [projectId, jobId]);
  return job ?? null;
}
