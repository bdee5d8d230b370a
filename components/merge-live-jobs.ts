import type { JobProgress } from "@/lib/domain";
import type { ProjectJob } from "@/lib/db";

/** What a project's job stream told this tab about one job. */
export interface LiveJob {
  /** The row, as announced (read under the caller's RLS when the job started). */
  job?: ProjectJob;
  progress: JobProgress | null;
  /** The job's row now holds its outcome: the list is read again. */
  finished: boolean;
}

const sequenceOf = (progress: unknown) => ((progress as JobProgress | null)?.sequence ?? 0);

/**
 * The jobs list with what the stream says on top: a running job's progress is the newer of the
 * list's and the stream's readings (each counts its `sequence`), and a job the stream announced
 * that the list does not hold yet comes first, as running.
 */
export function mergeLiveJobs(listed: ProjectJob[], live: ReadonlyMap<string, LiveJob>, limit: number): ProjectJob[] {
  const merged = listed.map((job) => {
    const update = live.get(job.id);
    if (!update?.progress || job.status !== "running" || sequenceOf(update.progress) <= sequenceOf(job.progress)) return job;
    return { ...job, progress: { ...update.progress } };
  });
  const known = new Set(listed.map((job) => job.id));
  const announced = [...live.entries()]
    .filter(([id, update]) => !known.has(id) && update.job && !update.finished)
    .map(([, update]) => ({ ...update.job!, progress: update.progress ? { ...update.progress } : update.job!.progress }))
    .toSorted((left, right) => right.created_at.localeCompare(left.created_at));
  return [...announced, ...merged].slice(0, limit);
}
