import {
  asService,
  countPatternsToReembed,
  listPatternsToReembed,
  renewJobLease,
  writePatternEmbeddings,
  type Database,
  type QueuedJob,
} from "@/lib/db";
import type { EmbeddingProvider } from "@/lib/embed";
import type { LlmRouter } from "@/lib/llm";
import { MotifError } from "@/lib/errors";
import { storedPatternText } from "./stored-pattern-text";

/** Where a re-embedding is: patterns done of those another model had embedded. */
export interface ReembedProgress {
  processed: number;
  total: number;
  fraction: number;
  model: string;
}

/** How a runner runs one job: the database, the provider, who it is, its lease. */
export interface JobRunContext {
  database: Database;
  embedder: EmbeddingProvider;
  owner: string;
  leaseSeconds: number;
  /** Patterns per transaction. */
  batchSize?: number;
  onProgress?: (progress: ReembedProgress, job: QueuedJob) => void;
  /**
   * Aborted when the process shuts down: the job stops between batches and goes back to the
   * queue (its finished batches stay written), so a stop never waits for a whole project.
   */
  signal?: AbortSignal;
  /** The LLM router for jobs that call a model (describe); the environment's when absent. */
  router?: LlmRouter;
  /**
   * More job types this runner runs, by type (lib/github's webhook jobs). Given by whoever
   * starts the runner: lib/github builds on lib/ingest, which builds on this folder.
   */
  handlers?: Record<string, (job: QueuedJob, context: JobRunContext) => Promise<object>>;
}

const defaultBatchSize = 128;
// Rows edited between read and write are read again; this many batches in a row without a
// single write means something keeps changing them.
const maxStalledBatches = 3;

function progressOf(processed: number, total: number, model: string): ReembedProgress {
  return { processed, total, fraction: total === 0 ? 1 : Math.min(1, processed / total), model };
}

// A resumed job (re-queued after a failure) keeps the total it started with.
async function startingPoint(job: QueuedJob, context: JobRunContext) {
  const model = context.embedder.id;
  const remaining = await asService(context.database, (transaction) => countPatternsToReembed({ transaction, projectId: job.project_id, model }));
  const previous = (job.progress ?? {}) as Partial<ReembedProgress>;
  const total = previous.model === model && typeof previous.total === "number" && previous.total >= remaining ? previous.total : remaining;
  return progressOf(total - remaining, total, model);
}

// One batch: read, embed (outside any transaction: a remote provider may take a while), then
// write the vectors and renew the lease in one transaction. A crash anywhere leaves each row
// with the vector and model it had, or with both new ones.
async function reembedBatch(job: QueuedJob, context: JobRunContext, progress: ReembedProgress): Promise<number> {
  const { database, embedder } = context;
  const rows = await asService(database, (transaction) =>
    listPatternsToReembed({ transaction, projectId: job.project_id, model: embedder.id, limit: context.batchSize ?? defaultBatchSize }));
  if (rows.length === 0) return -1;
  const vectors = await embedder.embed(rows.map(storedPatternText));
  return asService(database, async (transaction) => {
    const written = await writePatternEmbeddings({
      transaction, projectId: job.project_id, model: embedder.id,
      embeddings: rows.map((row, index) => ({ id: row.id, vector: vectors[index], readModel: row.embedding_model, readUpdatedAt: row.updated_at })),
    });
    const next = progressOf(progress.processed + written, progress.total, embedder.id);
    const ours = await renewJobLease({ transaction, jobId: job.id, lockedBy: context.owner, leaseSeconds: context.leaseSeconds, progress: { ...next } });
    if (!ours) throw new MotifError("conflict:resource", `job ${job.id} is no longer run by ${context.owner} (declared abandoned or cancelled)`);
    return written;
  });
}

/**
 * Runs a `reembed` job: re-embeds, with the configured provider, every pattern of the job's
 * project that another model embedded, in batches of one transaction each, recording
 * processed/total in the job row. Resumable by construction: it only ever reads the patterns
 * still embedded by another model, so a re-run continues where a stopped one left off.
 */
export async function reembedProject(job: QueuedJob, context: JobRunContext): Promise<ReembedProgress> {
  let progress = await startingPoint(job, context);
  context.onProgress?.(progress, job);
  for (let stalled = 0; ; ) {
    if (context.signal?.aborted) throw new MotifError("unavailable:server", `the process is shutting down; job ${job.id} stopped at ${progress.processed} of ${progress.total} and will resume`);
    const written = await reembedBatch(job, context, progress);
    if (written < 0) break;
    stalled = written === 0 ? stalled + 1 : 0;
    if (stalled >= maxStalledBatches) {
      throw new MotifError("conflict:resource", `patterns of project ${job.project_id} changed under the re-embedding ${stalled} batches in a row; it will run again`);
    }
    progress = progressOf(progress.processed + written, progress.total, context.embedder.id);
    context.onProgress?.(progress, job);
  }
  // Done. `processed` stays what this job wrote: patterns that an edit or an ingest re-embedded
  // meanwhile were in the total but not written here.
  return { ...progress, fraction: 1 };
}
