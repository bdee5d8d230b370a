import { beforeAll, describe, expect, it } from "vitest";
import { asService, failAbandonedJobs, type Database } from "@/lib/db";
import { recoverAbandonedJobs } from "@/lib/jobs";
import { realPostgresLane } from "@/tests/support/real-postgres";
import { createTestDatabase } from "@/tests/support/test-database";
import { buildWorld, type World } from "./support/world";

let database: Database;
let world: World;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildWorld(database);
  return () => database.close();
});

async function runningJob(lockedBy: string, leaseSeconds: number): Promise<string> {
  const [{ id }] = await asService(database, (transaction) => transaction.query<{ id: string }>(
    `insert into public.jobs (project_id, job_type, status, attempts, locked_by, locked_at, started_at, lease_expires_at)
     values ($1, 'ingest', 'running', 1, $2, now(), now(), now() + make_interval(secs => $3)) returning id`,
    [world.alpha.id, lockedBy, leaseSeconds]));
  return id;
}

async function jobState(id: string) {
  const [job] = await asService(database, (transaction) => transaction.query<{ status: string; error: string | null; locked_by: string | null; finished: boolean }>(
    `select status, error, locked_by, finished_at is not null as finished from public.jobs where id = $1`, [id]));
  return job;
}

const clear = () => asService(database, (transaction) => transaction.query(`delete from public.jobs where job_type in ('ingest', 'reembed')`));

describe("jobs left running by a process that is gone", () => {
  it("are failed once their lease ran out; live leases are left alone (any mode)", async () => {
    await clear();
    const expired = await runningJob("worker-a:41", -5);
    const alive = await runningJob("worker-b:42", 300);
    const failed = await asService(database, (transaction) => failAbandonedJobs({ transaction, owner: "worker-c:43", soleOwner: false }));
    expect(failed.map((job) => job.id)).toEqual([expired]);
    expect(await jobState(expired)).toMatchObject({ status: "failed", locked_by: null, finished: true });
    expect((await jobState(expired)).error).toMatch(/^abandoned: its process \(worker-a:41\) gave no sign of life since .+ \(lease expired\)$/);
    expect(await jobState(alive)).toEqual({ status: "running", error: null, locked_by: "worker-b:42", finished: false });
  });

  it.skipIf(realPostgresLane)("embedded, are failed at start-up when another process ran them, lease or not; this process's own stay", async () => {
    await clear();
    const earlierOwner = await runningJob("laptop:1000", 3600);
    const mine = await runningJob("laptop:2000", 3600);
    const failed = await recoverAbandonedJobs({ database, owner: "laptop:2000" });
    expect(failed.map((job) => job.id)).toEqual([earlierOwner]);
    expect(await jobState(earlierOwner)).toEqual({
      status: "failed", locked_by: null, finished: true,
      error: "abandoned: its process (laptop:1000) stopped while it ran; laptop:2000 now owns the database",
    });
    expect(await jobState(mine)).toMatchObject({ status: "running", locked_by: "laptop:2000" });
  });

  // Several workers share a Supabase database: only an expired lease says a process is gone.
  it.runIf(realPostgresLane)("in Supabase mode, are left alone at start-up while another process's lease lives", async () => {
    await clear();
    const otherWorker = await runningJob("worker-a:1000", 3600);
    expect(await recoverAbandonedJobs({ database, owner: "worker-b:2000" })).toEqual([]);
    expect(await jobState(otherWorker)).toMatchObject({ status: "running", locked_by: "worker-a:1000" });
  });

  it("a failed re-embedding no longer blocks a new one; a running one does", async () => {
    await clear();
    const insert = () => asService(database, (transaction) => transaction.query<{ id: string }>(
      `insert into public.jobs (project_id, job_type, status, locked_by, lease_expires_at) values ($1, 'reembed', 'running', 'gone:1', now() - interval '1 minute') returning id`,
      [world.alpha.id]));
    await insert();
    await expect(insert()).rejects.toMatchObject({ code: "23505" });
    await recoverAbandonedJobs({ database, owner: "here:2" });
    expect(await insert()).toHaveLength(1);
  });
});
