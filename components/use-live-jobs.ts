"use client";

import { useEffect, useState } from "react";
import type { JobStreamMessage } from "@/lib/domain";
import type { ProjectJob } from "@/lib/db";
import type { LiveJob } from "./merge-live-jobs";

/** `GET /api/v1/projects/<project>/jobs/stream`: running jobs' live progress (Server-Sent Events). */
export function jobStreamUrl(project: string): string {
  return `/api/v1/projects/${encodeURIComponent(project)}/jobs/stream`;
}

function applyMessage(live: ReadonlyMap<string, LiveJob>, message: JobStreamMessage): Map<string, LiveJob> {
  const next = new Map(live);
  const current = next.get(message.job_id) ?? { progress: null, finished: false };
  if (message.type === "job") next.set(message.job_id, { ...current, job: message.job as unknown as ProjectJob, progress: message.job.progress });
  else if (message.type === "progress") next.set(message.job_id, { ...current, progress: message.progress });
  else next.set(message.job_id, { ...current, finished: true });
  return next;
}

/**
 * Follows a project's running jobs over its job stream: the server that does the work sends
 * each job's progress as it moves, also while an ingest's write holds the embedded database
 * (when `GET /jobs` waits). `onFinished` hears when a job's row holds its outcome. The browser
 * reconnects by itself; on reconnecting, running jobs are announced again.
 */
export function useLiveJobs(slug: string, onFinished: (jobId: string) => void): ReadonlyMap<string, LiveJob> {
  const [live, setLive] = useState<ReadonlyMap<string, LiveJob>>(() => new Map());
  useEffect(() => {
    const source = new EventSource(jobStreamUrl(slug), { withCredentials: true });
    source.onmessage = (event: MessageEvent<string>) => {
      const message = JSON.parse(event.data) as JobStreamMessage;
      setLive((previous) => applyMessage(previous, message));
      if (message.type === "finished") onFinished(message.job_id);
    };
    return () => source.close();
  }, [slug, onFinished]);
  return live;
}
