"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import type { UploadSummary } from "@/lib/upload";
import { realtimeQueryKeys } from "./query-keys";
import { checkUploadLimits, readPickedFiles, type SourceFile } from "./ingest-files";
import { IngestSummary } from "./ingest-summary";
import { PastedFileForm, PickedFiles } from "./ingest-sources";
import { postWithProgress } from "./post-with-progress";
import { canWrite, useProject } from "./use-project";
import { Button } from "./ui/button";
import { ErrorMessage } from "./ui/error-message";
import { TextField } from "./ui/field";

type Run =
  | { phase: "idle" }
  | { phase: "reading"; done: number; total: number }
  | { phase: "uploading"; fraction: number }
  | { phase: "extracting"; startedAt: number }
  | { phase: "done"; summary: UploadSummary; seconds: number }
  | { phase: "failed"; error: Error };

function Progress({ run }: { run: Run }) {
  const text =
    run.phase === "reading" ? `Reading files: ${run.done} of ${run.total}`
    : run.phase === "uploading" ? `Uploading: ${Math.round(run.fraction * 100)}%`
    : run.phase === "extracting" ? "The server is extracting and saving the patterns: its progress shows under Recent jobs." : "";
  if (!text) return null;
  // The server's own progress (files, then patterns) is the job's, under Recent jobs: here an indeterminate bar.
  const value = run.phase === "reading" ? run.done / Math.max(run.total, 1) : run.phase === "uploading" ? run.fraction : undefined;
  return (
    <div role="status" aria-live="polite" className="space-y-1" data-testid="ingest-progress">
      <p className="text-sm">{text}</p>
      <progress className="h-2 w-full accent-indigo-600" value={value} max={1} aria-label="Ingest progress" />
    </div>
  );
}

/** The ingest page: pick or paste source files, send them to POST /api/v1/extract, show progress and a summary. */
export function IngestForm({ slug }: { slug: string }) {
  const queryClient = useQueryClient();
  const project = useProject(slug);
  const [files, setFiles] = useState<SourceFile[]>([]);
  const [repository, setRepository] = useState("");
  const [run, setRun] = useState<Run>({ phase: "idle" });
  const busy = run.phase === "reading" || run.phase === "uploading" || run.phase === "extracting";
  const limitProblem = checkUploadLimits(files);
  // The job row exists from the moment the server starts on the upload: the job list follows it.
  useEffect(() => {
    if (run.phase !== "extracting") return;
    const timer = setInterval(() => void queryClient.invalidateQueries({ queryKey: realtimeQueryKeys.jobs(slug) }), 1_000);
    return () => clearInterval(timer);
  }, [run.phase, queryClient, slug]);
  const addFiles = (added: SourceFile[]) =>
    setFiles((current) => [...current.filter((file) => !added.some((next) => next.path === file.path)), ...added]);
  const pick = async (picked: File[]) => {
    setRun({ phase: "reading", done: 0, total: picked.length });
    addFiles(await readPickedFiles(picked, (done, total) => setRun({ phase: "reading", done, total })));
    setRun({ phase: "idle" });
  };
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setRun({ phase: "uploading", fraction: 0 });
    const startedAt = performance.now();
    try {
      const summary = await postWithProgress<UploadSummary>("/api/v1/extract", { project: slug, files, ...(repository.trim() ? { repository: repository.trim() } : {}) },
        (fraction) => setRun(fraction < 1 ? { phase: "uploading", fraction } : { phase: "extracting", startedAt }));
      setRun({ phase: "done", summary, seconds: (performance.now() - startedAt) / 1000 });
      setFiles([]);
      await queryClient.invalidateQueries({ queryKey: realtimeQueryKeys.patterns(slug) });
      await queryClient.invalidateQueries({ queryKey: realtimeQueryKeys.insights(slug) });
      await queryClient.invalidateQueries({ queryKey: realtimeQueryKeys.jobs(slug) });
    } catch (error) {
      setRun({ phase: "failed", error: error as Error });
    }
  };
  if (project.data && !canWrite(project.data.role)) {
    return <p className="text-sm" data-testid="ingest-forbidden">Only project admins and members can ingest code; your role is {project.data.role}.</p>;
  }
  return (
    <div className="space-y-6">
      <div className="grid gap-6 lg:grid-cols-2">
        <PickedFiles disabled={busy} onPick={pick} />
        <PastedFileForm disabled={busy} onAdd={(file) => addFiles([file])} />
      </div>
      <form onSubmit={onSubmit} aria-label="Extract patterns" className="space-y-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">
        <SelectedFiles files={files} disabled={busy} onRemove={(path) => setFiles(files.filter((file) => file.path !== path))} onClear={() => setFiles([])} />
        <TextField label="Repository name (optional)" value={repository} placeholder="shop-service" maxLength={300}
          onChange={(event) => setRepository(event.target.value)} data-testid="ingest-repository" />
        {limitProblem && <p role="alert" className="text-sm text-amber-800 dark:text-amber-200" data-testid="ingest-limit">{limitProblem}</p>}
        <Button type="submit" disabled={busy || files.length === 0 || limitProblem !== null} data-testid="ingest-submit">
          {busy ? "Working…" : `Extract patterns from ${files.length} file${files.length === 1 ? "" : "s"}`}
        </Button>
        <Progress run={run} />
        {run.phase === "failed" && <ErrorMessage error={run.error} testId="ingest-error" />}
      </form>
      {run.phase === "done" && <IngestSummary slug={slug} summary={run.summary} seconds={run.seconds} />}
    </div>
  );
}

function SelectedFiles({ files, disabled, onRemove, onClear }: { files: SourceFile[]; disabled: boolean; onRemove: (path: string) => void; onClear: () => void }) {
  if (files.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="ingest-no-files">No file chosen yet: pick files or a folder, or paste code above.</p>;
  return (
    <div className="space-y-2">
      <div className="flex items-center justify-between">
        <h2 className="text-base font-semibold" data-testid="ingest-file-count">{files.length} file{files.length === 1 ? "" : "s"} to extract</h2>
        <Button variant="secondary" disabled={disabled} onClick={onClear}>Remove all</Button>
      </div>
      <ul className="max-h-64 divide-y divide-slate-100 overflow-y-auto text-sm dark:divide-slate-800" data-testid="ingest-files">
        {files.map((file) => (
          <li key={file.path} className="flex items-center justify-between gap-2 py-1">
            <span className="break-all font-mono text-xs">{file.path}</span>
            <button type="button" disabled={disabled} onClick={() => onRemove(file.path)} className="shrink-0 text-xs text-red-700 hover:underline dark:text-red-300">
              Remove<span className="sr-only"> {file.path}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
