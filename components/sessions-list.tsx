"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import type { SessionRow } from "@/lib/db";
import type { SessionReport } from "@/lib/domain";
import { apiFetch } from "./api-client";
import { formatDate } from "./format";
import { EmptyState } from "./ui/empty-state";
import { ErrorMessage } from "./ui/error-message";
import { ListSkeleton } from "./ui/skeleton";

const outcomeColors: Record<string, string> = {
  successful: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
  partial: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-200",
  failed: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200",
  pending: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200",
};

function SessionItem({ slug, session }: { slug: string; session: SessionRow }) {
  const report = session.report as Omit<SessionReport, "markdown"> | null;
  const outcome = session.status === "failed" ? "failed" : report?.outcome ?? session.status;
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-3" data-testid="session-item">
      <div className="min-w-0">
        <Link href={`/projects/${slug}/sessions/${session.id}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">{session.title || "Untitled session"}</Link>
        <p className="text-xs text-slate-500 dark:text-slate-400">
          {session.source} · {formatDate(session.created_at)}{report ? ` · ${report.patterns_used.length} pattern(s) used · ${report.activity.tool_calls} tool calls` : ""}
          {report?.agent.cost_usd != null ? ` · $${report.agent.cost_usd.toFixed(4)}` : ""}
        </p>
      </div>
      <span className={`rounded px-2 py-0.5 text-xs font-medium ${outcomeColors[outcome] ?? outcomeColors.pending}`}>{outcome}</span>
    </li>
  );
}

/** The Sessions page: the project's analysed coding sessions, newest first, with outcome, patterns used and cost. */
export function SessionsList({ slug }: { slug: string }) {
  const sessions = useQuery({ queryKey: ["projects", slug, "sessions"], queryFn: () => apiFetch<{ sessions: SessionRow[] }>(`/api/v1/projects/${slug}/sessions?limit=100`).then((body) => body.sessions) });
  if (sessions.error) return <ErrorMessage error={sessions.error} testId="sessions-error" />;
  if (!sessions.data) return <ListSkeleton rows={5} label="Loading sessions" testId="sessions-loading" />;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Sessions</h1>
      {sessions.data.length === 0 ? (
        <EmptyState title="No sessions analysed yet" testId="sessions-empty">
          <p className="[overflow-wrap:anywhere]">Analyse a coding agent&apos;s session with <code>motif session analyze &lt;transcript.jsonl&gt; --project {slug}</code> or <code>POST /api/v1/projects/{slug}/sessions</code>.</p>
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg bg-white px-4 shadow-sm ring-1 ring-slate-200 dark:divide-slate-800 dark:bg-slate-900 dark:ring-slate-800" data-testid="session-list">
          {sessions.data.map((session) => <SessionItem key={session.id} slug={slug} session={session} />)}
        </ul>
      )}
    </div>
  );
}

/** One session: its Markdown report as written, and the error when its analysis failed. */
export function SessionDetail({ slug, sessionId }: { slug: string; sessionId: string }) {
  const session = useQuery({ queryKey: ["projects", slug, "sessions", sessionId], queryFn: () => apiFetch<{ session: SessionRow }>(`/api/v1/projects/${slug}/sessions/${sessionId}`).then((body) => body.session) });
  if (session.error) return <ErrorMessage error={session.error} testId="session-error" />;
  if (!session.data) return <ListSkeleton rows={8} label="Loading the session" testId="session-loading" />;
  const report = session.data.report as SessionReport | null;
  return (
    <div className="space-y-4">
      <Link href={`/projects/${slug}/sessions`} className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">← Sessions</Link>
      {session.data.error && <p className="text-sm text-red-700 dark:text-red-300">Analysis failed: {session.data.error}</p>}
      {report && <pre className="overflow-x-auto whitespace-pre-wrap rounded-lg bg-white p-4 text-sm shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800" data-testid="session-report">{report.markdown}</pre>}
    </div>
  );
}
