"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AuthSession } from "@/lib/db";
import { apiFetch } from "./api-client";
import { Button } from "./ui/button";
import { ErrorMessage } from "./ui/error-message";

type ListedSession = AuthSession & { current: boolean };

/** The signed-in user's sessions (browsers and tokens), each of which can be ended at once. */
export function SessionList() {
  const queryClient = useQueryClient();
  const queryKey = ["auth", "sessions"];
  const sessions = useQuery({
    queryKey,
    queryFn: () => apiFetch<{ sessions: ListedSession[] }>("/api/v1/auth/sessions").then((body) => body.sessions),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => apiFetch(`/api/v1/auth/sessions/${id}`, { method: "DELETE" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey }),
  });
  return (
    <section aria-labelledby="sessions-title" className="space-y-3">
      <h2 id="sessions-title" className="text-lg font-semibold">Your sessions</h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">Where you are signed in. Ending a session stops its cookie and token at once.</p>
      <ErrorMessage error={sessions.error ?? revoke.error} testId="sessions-error" />
      <ul className="divide-y divide-slate-200 rounded-lg bg-white shadow-sm ring-1 ring-slate-200 dark:divide-slate-800 dark:bg-slate-900 dark:ring-slate-800" data-testid="session-list">
        {sessions.data?.map((session) => (
          <li key={session.id} className="flex items-center gap-3 px-4 py-3" data-testid="session-item">
            <div className="flex-1 text-sm">
              <p className="text-slate-900 dark:text-slate-100">{session.user_agent ?? "unknown client"}{session.current ? " (this session)" : ""}</p>
              <p className="text-xs text-slate-500 dark:text-slate-400">
                since {new Date(session.created_at).toLocaleString()}{session.ip ? ` from ${session.ip}` : ""}
              </p>
            </div>
            {!session.current && (
              <Button variant="danger" onClick={() => revoke.mutate(session.id)} disabled={revoke.isPending} data-testid="session-revoke">
                End<span className="sr-only"> this session</span>
              </Button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
