import type { JobStatus } from "@/lib/domain";
import type { Queryable } from "../database";

/** A background job's row, as the dashboard reads it. */
export interface Job {
  id: string;
  project_id: string;
  job_type: string;
  status: JobStatus;
  progress: Record<string, unknown> | null;
  result: Record<string, unknown> | null;
  error: string | null;
}

const jobColumns = "id, project_id, job_type, status, progress, result, error";

/** How long a running job stays ours without a sign of life (runners renew it as they work). */
export const defaultJobLeaseSeconds = 300;

/** Records a job that this process runs now (status running, started and locked by it). */
export async function createRunningJob({
  transaction,
  projectId,
  jobType,
  payload,
  lockedBy,
  leaseSeconds,
}: {
  transaction: Queryable;
  projectId: string;
  jobType: string;
  payload: Record<string, unknown>;
  lockedBy: string;
  /** Seconds the job counts as alive without a renewal; long for work that cannot renew mid-way (ingest's one transaction). */
  leaseSeconds?: number;
}): Promise<Job> {
  const [job] = await transaction.query<Job>(
    `insert into public.jobs (project_id, job_type, payload, status, attempts, locked_by, locked_at, started_at, progress, lease_expires_at)
     values ($1, $2, $3, 'running', 1, $4, now(), now(), '{"fraction": 0}'::jsonb, now() + make_interval(secs => $5))
     returning ${jobColumns}`,
    [projectId, jobType, JSON.stringify(payload), lockedBy, leaseSeconds ?? defaultJobLeaseSeconds],
  );
  return job;
}

/** Replaces a running job's progress (`fraction` 0–1 plus counts). */
export async function updateJobProgressById({
  transaction,
  jobId,
  progress,
}: {
  transaction: Queryable;
  jobId: string;
  progress: Record<string, unknown>;
}): Promise<void> {
  await transaction.query(`update public.jobs set progress = $2 where id = $1 and status = 'running'`, [jobId, JSON.stringify(progress)]);
}

/** Ends a job: succeeded with its result, or failed with the error. */
export async function finishJobById({
  transaction,
  jobId,
  status,
  result,
  error,
}: {
  transaction: Queryable;
  jobId: string;
  status: "succeeded" | "failed";
  result?: Record<string, unknown>;
  error?: string;
}): Promise<void> {
  await transaction.query(
    `update public.jobs set status = $2, result = $3, error = $4, finished_at = now(), locked_by = null, locked_at = null, lease_expires_at = null,
       progress = case when $2 = 'succeeded' then coalesce(progress, '{}'::jsonb) || '{"fraction": 1}'::jsonb else progress end
     where id = $1`,
    [jobId, status, result === undefined ? null : JSON.stringify(result), error ?? null],
  );
}
