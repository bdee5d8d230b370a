import { asService, createRunningJob, finishJobById, translateDatabaseErrors, withUser, type Database, type JwtClaims, type Queryable } from "@/lib/db";
import { jobOwnerId } from "@/lib/jobs";
import type { IngestTracker } from "./ingest-tracker";

// The write is one transaction that cannot renew its lease midway: a long lease, so that only a
// dead ingest (or, embedded, one from a process that no longer owns the data dir) is failed.
const ingestLeaseSeconds = 3600;
const forbidden = { "forbidden:auth": "only project admins and members can ingest into a project" };

function runAs<T>(database: Database, claims: JwtClaims | "service_role", fn: (transaction: Queryable) => Promise<T>): Promise<T> {
  return claims === "service_role" ? asService(database, fn) : withUser(database, claims, fn);
}

/**
 * Writes an ingest's job row the moment the work starts (before extraction, when the caller
 * extracts), under the caller's RLS, so that the dashboard lists it as running with its
 * repository and who started it. Returns the job's id.
 */
export async function startIngestJob(options: {
  database: Database;
  claims: JwtClaims | "service_role";
  projectId: string;
  repository?: string;
  scope?: string[];
  files?: number;
  patterns?: number;
}): Promise<string> {
  const payload = { repository: options.repository ?? "", scope: options.scope ?? null, files: options.files ?? null, patterns: options.patterns ?? null };
  const job = await translateDatabaseErrors(() => runAs(options.database, options.claims, (transaction) => createRunningJob({
    transaction, projectId: options.projectId, jobType: "ingest", lockedBy: jobOwnerId(), leaseSeconds: ingestLeaseSeconds, payload,
  })), forbidden);
  return job.id;
}

/** Marks an ingest's job failed with the error (the write rolled back, or extraction failed). */
export async function finishIngestJob(options: { database: Database; claims: JwtClaims | "service_role"; tracker: IngestTracker; error: Error }): Promise<void> {
  options.tracker.close();
  await runAs(options.database, options.claims, (transaction) =>
    finishJobById({ transaction, jobId: options.tracker.jobId, status: "failed", error: options.error.message }));
}
