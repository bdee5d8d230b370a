"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ReceivedInvitation } from "@/lib/db";
import { apiFetch } from "./api-client";
import { Button } from "./ui/button";
import { ErrorMessage } from "./ui/error-message";

/** Invitations addressed to the signed-in user, each to accept (join the project) or decline. */
export function InvitationList() {
  const queryClient = useQueryClient();
  const queryKey = ["invitations"];
  const invitations = useQuery({
    queryKey,
    queryFn: () => apiFetch<{ invitations: ReceivedInvitation[] }>("/api/v1/invitations").then((body) => body.invitations),
  });
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey }), queryClient.invalidateQueries({ queryKey: ["projects"] })]);
  const answer = useMutation({
    mutationFn: ({ id, accept }: { id: string; accept: boolean }) =>
      accept
        ? apiFetch(`/api/v1/invitations/${id}/accept`, { method: "POST" })
        : apiFetch(`/api/v1/invitations/${id}`, { method: "DELETE" }),
    onSettled: refresh,
  });
  if (!invitations.data?.length) return null;
  return (
    <section aria-labelledby="invitations-title" className="space-y-3">
      <h2 id="invitations-title" className="text-lg font-semibold">Invitations</h2>
      <ErrorMessage error={answer.error} testId="invitation-error" />
      <ul className="divide-y divide-slate-200 rounded-lg bg-white shadow-sm ring-1 ring-slate-200 dark:divide-slate-800 dark:bg-slate-900 dark:ring-slate-800">
        {invitations.data.map((invitation) => (
          <li key={invitation.id} className="flex items-center gap-3 px-4 py-3" data-testid={`invitation-${invitation.project_slug}`}>
            <p className="flex-1 text-sm text-slate-900 dark:text-slate-100">
              {invitation.project_name} <span className="text-xs text-slate-500 dark:text-slate-400">as {invitation.role}
                {invitation.invited_by_email ? `, from ${invitation.invited_by_email}` : ""}</span>
            </p>
            <Button onClick={() => answer.mutate({ id: invitation.id, accept: true })} disabled={answer.isPending}
              data-testid={`invitation-accept-${invitation.project_slug}`}>
              Accept<span className="sr-only"> the invitation to {invitation.project_name}</span>
            </Button>
            <Button variant="secondary" onClick={() => answer.mutate({ id: invitation.id, accept: false })} disabled={answer.isPending}
              data-testid={`invitation-decline-${invitation.project_slug}`}>
              Decline<span className="sr-only"> the invitation to {invitation.project_name}</span>
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
