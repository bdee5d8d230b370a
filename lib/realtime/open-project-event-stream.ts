import { getDatabase } from "@/lib/db";
import { createJobProgressStream, type JobProgressStreamOptions } from "./job-progress-stream";
import { createPatternEventStream, type PatternEventStreamOptions } from "./pattern-event-stream";

/** A project's live events as a Server-Sent Events body, on the process's own database. */
export async function openProjectEventStream(options: Omit<PatternEventStreamOptions, "database">): Promise<ReadableStream<Uint8Array>> {
  return createPatternEventStream({ ...options, database: await getDatabase() });
}

/** A project's running jobs and their progress as a Server-Sent Events body, on the process's own database. */
export async function openJobProgressStream(options: Omit<JobProgressStreamOptions, "database">): Promise<ReadableStream<Uint8Array>> {
  return createJobProgressStream({ ...options, database: await getDatabase() });
}
