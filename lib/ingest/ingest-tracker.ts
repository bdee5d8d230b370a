import { asService, updateJobProgressById, type Database } from "@/lib/db";
import type { JobProgress } from "@/lib/domain";
import { createEventLoopYield, forgetJobProgress, publishJobProgress } from "@/lib/jobs";

/** Where an ingest is, as `motif ingest` prints it; `done`/`total` count files or patterns. */
export interface IngestProgress {
  phase: "extracting" | "staging" | "embedding" | "writing" | "done";
  done: number;
  total: number;
  /** What the writing phase is at ("occurrences", "relationships"). */
  step?: string;
}

/** The write's steps, in order, each one share of the writing phase. */
export const writeSteps = ["patterns", "events", "occurrences", "relationships", "search statistics"] as const;

/** Reports an ingest's progress to the job's live record, its row (when no transaction holds it) and the caller. */
export interface IngestTracker {
  readonly jobId: string;
  /**
   * Publishes a reading; resolves after letting the event loop run when the work has held it
   * for a while, so that the streams reporting it (the dashboard's, the CLI's) get it out now.
   */
  report(progress: IngestProgress): Promise<void>;
  /** Writes the latest progress to the job row (only outside the ingest's write transaction). */
  persist(): Promise<void>;
  /** Drops the live record once the row holds the outcome. */
  close(): void;
}

// Shares of the run: extraction (when the job includes it) takes the first 40 %.
function fractionOf(progress: IngestProgress, withExtraction: boolean): number {
  const part = progress.total > 0 ? Math.min(progress.done / progress.total, 1) : 0;
  const [extract, stage, embed] = withExtraction ? [0.4, 0.45, 0.7] : [0, 0.1, 0.5];
  if (progress.phase === "extracting") return extract * part;
  if (progress.phase === "staging") return extract + (stage - extract) * part;
  if (progress.phase === "embedding") return stage + (embed - stage) * part;
  if (progress.phase === "writing") return embed + (1 - embed) * part;
  return 1;
}

/**
 * Tracks one ingest job: every report becomes the job's live progress in this process (the
 * jobs API and the project's job stream answer it while the job runs, without reading the
 * database) and goes to `onProgress` (the CLI's bar, in process or streamed by the operator
 * route); files and patterns counts are kept across phases so the dashboard shows both. The
 * first reading is published at once: the job is announced before its write begins.
 */
export function createIngestTracker(options: {
  database: Database;
  jobId: string;
  projectId: string;
  withExtraction: boolean;
  onProgress?: (progress: IngestProgress) => void;
}): IngestTracker {
  let current: JobProgress = publishJobProgress({
    jobId: options.jobId, projectId: options.projectId, progress: { phase: options.withExtraction ? "extracting" : "staging", fraction: 0 },
  });
  const yieldToEventLoop = createEventLoopYield();
  return {
    jobId: options.jobId,
    report(progress) {
      const counts = progress.phase === "extracting"
        ? { files_done: progress.done, files_total: progress.total }
        : progress.phase === "writing" ? {} : { patterns_done: progress.done, patterns_total: progress.total };
      const next = { ...current, ...counts, phase: progress.phase, step: progress.step, fraction: fractionOf(progress, options.withExtraction) };
      current = publishJobProgress({ jobId: options.jobId, projectId: options.projectId, progress: next });
      options.onProgress?.(progress);
      return yieldToEventLoop();
    },
    persist: () => asService(options.database, (transaction) => updateJobProgressById({ transaction, jobId: options.jobId, progress: { ...current } })),
    close: () => forgetJobProgress(options.jobId),
  };
}
