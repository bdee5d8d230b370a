"use client";

import { useCallback } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { ProjectJob } from "@/lib/db";
import { mergeLiveJobs } from "./merge-live-jobs";
import { useLiveJobs } from "./use-live-jobs";
import { realtimeQueryKeys } from "./query-keys";
import { apiFetch } from "./api-client";
import { formatDate, formatLabel } from "./format";
import { ErrorMessage } from "./ui/error-message";

/** How often the list is read again while a job is queued or running. */
const activePollMs = 1_000;

const statusStyle: Record<ProjectJob["status"], string> = {
  queued: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200",
  running: "bg-indigo-100 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200",
  succeeded: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
  failed: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200",
  cancelled: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-200",
};

const isActive = (job: ProjectJob) => job.status === "queued" || job.status === "running";

/**
 * What a job got through, from its own record: "120 of 480 patterns" while a re-embedding
 * runs or after it, "12 patterns: 3 new, 2 changed" for a finished ingest.
 */
type LiveProgress = {
  processed?: number; total?: number; phase?: string; step?: string;
  files_done?: number; files_total?: number; patterns_done?: number; patterns_total?: number;
};

/** A running ingest's progress in words: "extracting 120 of 200 files", "embedding 800 of 4,534 patterns". */
function ingestProgressText(progress: LiveProgress): string | null {
  const files = typeof progress.files_total === "number" ? `${(progress.files_done ?? 0).toLocaleString()} of ${progress.files_total.toLocaleString()} files` : null;
  const patterns = typeof progress.patterns_total === "number" ? `${(progress.patterns_done ?? 0).toLocaleString()} of ${progress.patterns_total.toLocaleString()} patterns` : null;
  if (progress.phase === "extracting") return `extracting ${files ?? "files"}`;
  if (progress.phase === "staging") return `comparing ${progress.patterns_total?.toLocaleString() ?? ""} patterns with the project`;
  if (progress.phase === "embedding") return `embedding ${patterns ?? "patterns"}`;
  if (progress.phase === "writing") return `writing ${progress.step ?? "patterns"}`;
  return null;
}

function progressText(job: ProjectJob): string | null {
  const progress = job.progress as LiveProgress | null;
  if (typeof progress?.processed === "number" && typeof progress.total === "number") return `${progress.processed} of ${progress.total} patterns`;
  if (isActive(job) && progress?.phase) return ingestProgressText(progress);
  const patterns = (job.result as { patterns?: { received?: number; created?: number; updated?: number } } | null)?.patterns;
  if (typeof patterns?.received === "number") return `${patterns.received} patterns: ${patterns.created ?? 0} new, ${patterns.updated ?? 0} changed`;
  return null;
}

function JobRow({ job }: { job: ProjectJob }) {
  const fraction = typeof job.progress?.fraction === "number" ? (job.progress.fraction as number) : undefined;
  const counts = progressText(job);
  return (
    <li className="space-y-1 py-2" data-testid="job-row" data-job-type={job.job_type} data-job-status={job.status}>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium" data-testid="job-type">{formatLabel(job.job_type)}{job.repository ? <> of <span className="font-mono" data-testid="job-repository">{job.repository}</span></> : null}</span>
        <span className={`rounded px-1.5 py-0.5 text-xs ${statusStyle[job.status]}`} data-testid="job-status">{job.status}</span>
        <span className="text-xs text-slate-500 dark:text-slate-400">
          {job.finished_at ? `finished ${formatDate(job.finished_at)}` : job.started_at ? `started ${formatDate(job.started_at)}` : `queued ${formatDate(job.created_at)}`}
          {job.attempts > 1 ? ` · attempt ${job.attempts} of ${job.max_attempts}` : ""}
          {" · by "}<span data-testid="job-actor">{job.created_by_name ? (job.created_by_kind === "agent" ? `API key “${job.created_by_name}”` : job.created_by_name) : job.job_type === "ingest" ? "the local operator (motif CLI)" : "Motif"}</span>
        </span>
        {counts && <span className="text-xs tabular-nums" data-testid="job-counts">{counts}</span>}
      </div>
      {isActive(job) && <progress className="h-1.5 w-full accent-indigo-600" value={fraction} max={1} aria-label={`${formatLabel(job.job_type)} progress`} data-testid="job-progress" />}
      {job.error && <p className="break-words text-xs text-red-700 dark:text-red-300" data-testid="job-error">{job.error}</p>}
    </li>
  );
}

/**
 * The project's recent background jobs (ingests, re-embeddings) with their status, progress and
 * errors, from GET /api/v1/projects/[slug]/jobs, read again every second while one is active,
 * with the running ones' progress as the server streams it (`useLiveJobs`): the list alone
 * would stand still while an embedded ingest's write holds the database.
 */
export function JobList({ slug, limit = 10 }: { slug: string; limit?: number }) {
  const queryClient = useQueryClient();
  const jobs = useQuery({
    queryKey: [...realtimeQueryKeys.jobs(slug), limit],
    queryFn: () => apiFetch<{ jobs: ProjectJob[] }>(`/api/v1/projects/${encodeURIComponent(slug)}/jobs?limit=${limit}`),
    refetchInterval: (query) => (query.state.data?.jobs.some(isActive) ? activePollMs : false),
  });
  const onFinished = useCallback(() => void queryClient.invalidateQueries({ queryKey: realtimeQueryKeys.jobs(slug) }), [queryClient, slug]);
  const live = useLiveJobs(slug, onFinished);
  const rows = jobs.data ? mergeLiveJobs(jobs.data.jobs, live, limit) : [];
  return (
    <section aria-labelledby="jobs-title" className="space-y-2 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800" data-testid="job-list">
      <h2 id="jobs-title" className="text-base font-semibold">Recent jobs</h2>
      <ErrorMessage error={jobs.error} testId="jobs-error" />
      {jobs.data && rows.length === 0 && (
        <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="jobs-empty">No jobs yet: each ingest and re-embedding shows here with its progress.</p>
      )}
      {rows.length > 0 && (
        <ul className="divide-y divide-slate-100 dark:divide-slate-800">{rows.map((job) => <JobRow key={job.id} job={job} />)}</ul>
      )}
    </section>
  );
}
