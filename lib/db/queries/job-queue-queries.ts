import type { Queryable } from "../database";
import type { Job } from "./job-queries";

/** A job as its runner reads it: the row plus what it was asked to do and how often it ran. */
export interface QueuedJob extends Job {
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
  locked_by: string | null;
}

const queuedJobColumns = "id, project_id, job_type, status, payload, progress, result, error, attempts, max_attempts, locked_by";

/**
 * Queues a job. For a type that allows one active job per project (re-embedding, describing:
 * see the jobs_one_active_*_idx indexes) an already queued or running one is returned instead.
 */
export async function enqueueJob({
  transaction,
  projectId,
  jobType,
  payload,
}: {
  transaction: Queryable;
  projectId: string;
  jobType: string;
  payload: Record<string, unknown>;
}): Promise<{ job: QueuedJob; created: boolean }> {
  const inserted = await transaction.query<QueuedJob>(
    `insert into public.jobs (project_id, job_type, payload) values ($1, $2, $3)
     on conflict do nothing
     returning ${queuedJobColumns}`,
    [projectId, jobType, JSON.stringify(payload)],
  );
  if (inserted.length === 1) return { job: inserted[0], created: true };
  const [active] = await transaction.query<QueuedJob>(
    `select ${queuedJobColumns} from public.jobs
     where project_id = $1 and job_type = $2 and status in ('queued', 'running') order by created_at limit 1`,
    [projectId, jobType],
  );
  return { job: active, created: false };
}

/**
 * Takes the next runnable queued job of the given types (highest priority, then oldest) for
 * this runner: running, locked by it, leased for `leaseSeconds`. Concurrent runners skip each
 * other's rows (`for update skip locked`). `jobId` takes that job only, even before its `run_after`.
 */
export async function claimNextJob({
  transaction,
  jobTypes,
  lockedBy,
  leaseSeconds,
  jobId,
}: {
  transaction: Queryable;
  jobTypes: readonly string[];
  lockedBy: string;
  leaseSeconds: number;
  jobId?: string;
}): Promise<QueuedJob | undefined> {
  const [job] = await transaction.query<QueuedJob>(
    `update public.jobs j set status = 'running', attempts = j.attempts + 1, locked_by = $2, locked_at = now(),
       started_at = coalesce(j.started_at, now()), lease_expires_at = now() + make_interval(secs => $3), error = null
     where j.id = (
       select id from public.jobs
       where status = 'queued' and job_type = any ($1::text[]) and ($4::uuid is null and run_after <= now() or id = $4)
       order by priority desc, run_after
       limit 1
       for update skip locked
     )
     returning ${queuedJobColumns.split(", ").map((column) => `j.${column}`).join(", ")}`,
    [jobTypes, lockedBy, leaseSeconds, jobId ?? null],
  );
  return job;
}

/**
 * The runner's sign of life: extends the lease and stores the progress. False when the job is
 * no longer this runner's (it was declared abandoned, or cancelled): the runner must stop.
 */
export async function renewJobLease({
  transaction,
  jobId,
  lockedBy,
  leaseSeconds,
  progress,
}: {
  transaction: Queryable;
  jobId: string;
  lockedBy: string;
  leaseSeconds: number;
  progress: Record<string, unknown>;
}): Promise<boolean> {
  const rows = await transaction.query(
    `update public.jobs set lease_expires_at = now() + make_interval(secs => $3), locked_at = now(), progress = $4
     where id = $1 and status = 'running' and locked_by = $2 returning 1`,
    [jobId, lockedBy, leaseSeconds, JSON.stringify(progress)],
  );
  return rows.length === 1;
}

/**
 * Marks failed the running jobs whose process is gone: their lease ran out, or (`soleOwner`,
 * embedded mode, where one process owns the data dir) another process than `owner` ran them.
 * Their error says so, so the dashboard and `motif worker` can tell a crash from a bug.
 */
export async function failAbandonedJobs({
  transaction,
  owner,
  soleOwner,
}: {
  transaction: Queryable;
  owner: string;
  soleOwner: boolean;
}): Promise<Array<{ id: string; job_type: string; project_id: string; error: string }>> {
  return transaction.query(
    `update public.jobs set status = 'failed', finished_at = now(),
       error = case
         when $2 and locked_by is distinct from $1
           then format('abandoned: its process (%s) stopped while it ran; %s now owns the database', coalesce(locked_by, 'unknown'), $1)
         else format('abandoned: its process (%s) gave no sign of life since %s (lease expired)', coalesce(locked_by, 'unknown'), locked_at)
       end,
       locked_by = null, locked_at = null, lease_expires_at = null
     where status = 'running'
       and (lease_expires_at < now() or ($2 and locked_by is distinct from $1))
     returning id, job_type, project_id, error`,
    [owner, soleOwner],
  );
}

/**
 * Ends a claimed job that threw: queued again after a pause while it has attempts left (a
 * re-embedding resumes where it stopped), failed for good after the last one.
 */
export async function failOrRetryJobById({
  transaction,
  jobId,
  lockedBy,
  error,
}: {
  transaction: Queryable;
  jobId: string;
  /** Only while the job is still this runner's: one declared abandoned stays failed. */
  lockedBy: string;
  error: string;
}): Promise<"queued" | "failed"> {
  const [row] = await transaction.query<{ status: "queued" | "failed" }>(
    `update public.jobs set error = $2, locked_by = null, locked_at = null, lease_expires_at = null,
       status = case when attempts < max_attempts then 'queued' else 'failed' end,
       run_after = case when attempts < max_attempts then now() + make_interval(secs => 30 * attempts) else run_after end,
       finished_at = case when attempts < max_attempts then null else now() end
     where id = $1 and status = 'running' and locked_by = $3 returning status`,
    [jobId, error, lockedBy],
  );
  return row?.status ?? "failed";
}

/** One job by id (RLS applies for callers; service_role sees all). */
export async function getJobById({ transaction, jobId }: { transaction: Queryable; jobId: string }): Promise<QueuedJob | undefined> {
  const [job] = await transaction.query<QueuedJob>(`select ${queuedJobColumns} from public.jobs where id = $1`, [jobId]);
  return job;
}
