import { getProjectJob, withUser, type Database } from "@/lib/db";
import type { JobProgress, JobStreamMessage } from "@/lib/domain";
import { liveJobIds, liveJobProgress, subscribeToJobProgress } from "@/lib/jobs";
import { formatSseComment } from "./format-sse";
import { createSseSink, startSseLifetime, type SseLifetime, type SseSink } from "./sse-sink";

/** Options of `createJobProgressStream`. */
export interface JobProgressStreamOptions extends SseLifetime {
  database: Database;
  projectId: string;
}

function formatJobMessage(message: JobStreamMessage): string {
  return `data: ${JSON.stringify(message)}\n\n`;
}

/**
 * Follows one subscriber's jobs: a job is announced once its row was read under the
 * subscriber's row-level security (a job they may not read is never named), then its progress
 * is passed on from memory as it is published, then its end. The announcing read happens when
 * the job starts, before an ingest's write transaction holds the database; from then on
 * nothing waits on the database.
 */
function createJobFollower(options: JobProgressStreamOptions, send: (message: JobStreamMessage) => void) {
  const announced = new Set<string>();
  const announcing = new Set<string>();
  const hidden = new Set<string>();
  const finishedEarly = new Set<string>();
  let closed = false;

  const announce = async (jobId: string) => {
    announcing.add(jobId);
    try {
      const job = await withUser(options.database, options.claims, (transaction) => getProjectJob({ transaction, projectId: options.projectId, jobId }));
      if (closed) return;
      if (!job) return void hidden.add(jobId);
      const progress = (liveJobProgress(jobId) ?? job.progress) as JobProgress | null;
      announced.add(jobId);
      send({ type: "job", job_id: jobId, job: { ...job, progress } });
      if (finishedEarly.delete(jobId)) send({ type: "finished", job_id: jobId });
    } catch (error) {
      console.warn("could not read a job for its stream:", (error as Error).message);
    } finally {
      announcing.delete(jobId);
    }
  };

  const onProgress = (jobId: string, progress: JobProgress | null) => {
    if (closed || hidden.has(jobId)) return;
    if (announced.has(jobId)) {
      if (progress) return send({ type: "progress", job_id: jobId, progress });
      announced.delete(jobId);
      return send({ type: "finished", job_id: jobId });
    }
    if (!progress) return void finishedEarly.add(jobId);
    if (!announcing.has(jobId)) void announce(jobId);
  };

  return {
    start() {
      const unsubscribe = subscribeToJobProgress(options.projectId, onProgress);
      for (const jobId of liveJobIds(options.projectId)) void announce(jobId);
      return () => {
        closed = true;
        unsubscribe();
      };
    },
  };
}

/**
 * The `text/event-stream` body of one subscriber to a project's jobs (the Ingest page's list):
 * the jobs running in this process announced with their row and live progress, then each
 * reading as the work publishes it, then `finished` (read the list again for the outcome).
 * The caller's membership is checked before the stream opens (the route); it ends with the
 * caller's token, on abort, or when the server shuts down.
 */
export function createJobProgressStream(options: JobProgressStreamOptions): ReadableStream<Uint8Array> {
  let sink: SseSink | undefined;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const stream = (sink = createSseSink(controller));
      if (!startSseLifetime(stream, options)) return;
      const stop = createJobFollower(options, (message) => stream.send(formatJobMessage(message))).start();
      stream.onEnd(stop);
      stream.send(formatSseComment("subscribed"));
    },
    cancel: () => sink?.cancel(),
  });
}
