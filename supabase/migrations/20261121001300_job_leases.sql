-- Jobs whose process died. A running job carries a lease that its runner renews while it works
-- (`motif worker`, `motif serve`, `motif reembed` renew it after every batch); a job whose
-- lease ran out belongs to a process that is gone, and is marked failed by the next runner.
-- Embedded mode has one owner per data dir, so its owner also fails every running job of an
-- earlier owner at start-up, lease or not.

alter table public.jobs add column lease_expires_at timestamptz;

-- Jobs running before this migration have no lease: they get one from their last sign of life.
update public.jobs set lease_expires_at = coalesce(locked_at, updated_at) + interval '30 minutes'
where status = 'running';

create index jobs_running_lease_idx on public.jobs (lease_expires_at) where status = 'running';

-- At most one re-embedding queued or running per project: enqueueing is idempotent.
create unique index jobs_one_active_reembed_idx on public.jobs (project_id)
  where job_type = 'reembed' and status in ('queued', 'running');
