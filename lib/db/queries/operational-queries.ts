import type { OperationalStats } from "@/lib/domain";
import type { Queryable } from "../database";

/**
 * The job queue by status, how long the oldest runnable job has waited (a job scheduled for later
 * is not late), and the lock requests waiting now. Trusted work: run as the service role.
 */
export async function getOperationalStats({ transaction }: { transaction: Queryable }): Promise<OperationalStats> {
  const [row] = await transaction.query<{ jobs: Record<string, number> | null; oldest: number | null; lock_waits: number }>(`
    select (select jsonb_object_agg(status, count) from (select status, count(*)::int as count from public.jobs group by status) s) as jobs,
           (select extract(epoch from now() - min(greatest(created_at, run_after)))::float8
              from public.jobs where status = 'queued' and run_after <= now()) as oldest,
           (select count(*)::int from pg_locks where not granted) as lock_waits`);
  return { jobsByStatus: row.jobs ?? {}, oldestQueuedSeconds: Math.max(0, row.oldest ?? 0), lockWaits: row.lock_waits };
}
