import { asService, getDatabaseHealth, getOperationalStats, listMigrations, type Database } from "@/lib/db";
import type { HealthCheck } from "@/lib/domain";
import type { EmbeddingProvider } from "@/lib/embed";
import { listDegradedKinds } from "@/lib/feedback";

/** A runnable job waiting longer than this means no worker is taking jobs. */
export const jobLagLimitSeconds = 300;

/** The database answers, with its versions; migrations on disk that it has not applied. */
export async function checkDatabase(database: Database): Promise<{ database: HealthCheck; migrations: HealthCheck }> {
  // Catalog and migration history only, as the connection's owner: the history table belongs
  // to the migration tool, not to any API role.
  const health = await getDatabaseHealth({ transaction: database });
  // Embedded Postgres also records the SQL that makes it look like Supabase; `supabase db push` does not.
  const embedded = database.driver === "pglite";
  const expected = (await listMigrations({ embedded })).map((migration) => migration.version);
  const pending = expected.filter((version) => !health.migrations.includes(version));
  return {
    database: { status: "ok", postgres: health.postgres, pgvector: health.pgvector },
    migrations: {
      status: pending.length === 0 ? "ok" : "degraded",
      ...(pending.length > 0 ? { message: `${pending.length} migrations not applied (${embedded ? "restart motif serve" : "run motif db migrate or supabase db push"})` } : {}),
      applied: health.migrations,
      pending,
    },
  };
}

/** The embedding provider embeds a word (matches and ingests need it). */
export async function checkEmbedder(embedder: EmbeddingProvider): Promise<HealthCheck> {
  const started = performance.now();
  const [vector] = await embedder.embed(["health check"]);
  return { status: vector?.length ? "ok" : "down", model: embedder.id, milliseconds: Math.round(performance.now() - started) };
}

/** The job queue: how many wait and run, and how long the oldest runnable one has waited. */
export async function checkJobQueue(database: Database): Promise<HealthCheck> {
  const stats = await asService(database, (transaction) => getOperationalStats({ transaction }));
  const lagging = stats.oldestQueuedSeconds > jobLagLimitSeconds;
  return {
    status: lagging ? "degraded" : "ok",
    ...(lagging ? { message: `a job has waited ${Math.round(stats.oldestQueuedSeconds)} s: is a worker running?` } : {}),
    queued: stats.jobsByStatus.queued ?? 0,
    running: stats.jobsByStatus.running ?? 0,
    oldest_queued_seconds: Math.round(stats.oldestQueuedSeconds),
  };
}

/** Detector accuracy: the kinds whose verdicts fell below the threshold, by project. */
export async function checkAccuracy(database: Database): Promise<HealthCheck> {
  const degraded = await listDegradedKinds(database);
  return {
    status: degraded.length > 0 ? "degraded" : "ok",
    ...(degraded.length > 0 ? { message: `detector accuracy below the threshold: ${degraded.map((row) => `${row.kind} in ${row.project} (${row.accuracy.toFixed(2)})`).join(", ")}` } : {}),
    degraded_kinds: degraded,
  };
}
