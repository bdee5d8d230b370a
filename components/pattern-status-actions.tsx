"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ProjectRole } from "@/lib/domain";
import type { PatternView } from "@/lib/patterns";
import { realtimeQueryKeys } from "./query-keys";
import { apiFetch } from "./api-client";
import { Button } from "./ui/button";
import { ErrorMessage } from "./ui/error-message";

type Change = { method: "PATCH"; status: "active" | "deprecated" } | { method: "DELETE" };

/**
 * Lifecycle buttons by role: members deprecate and restore, admins also archive and bring back
 * from the archive (the API enforces the same rule; the buttons only avoid offering a 403).
 * Older versions are read-only: only the latest one changes.
 */
export function PatternStatusActions({ slug, pattern, role }: { slug: string; pattern: PatternView; role: ProjectRole | null }) {
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: (next: Change) =>
      apiFetch(`/api/v1/patterns/${pattern.id}`, next.method === "DELETE" ? { method: "DELETE" } : { method: "PATCH", body: { status: next.status } }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: realtimeQueryKeys.pattern(pattern.id) }),
        queryClient.invalidateQueries({ queryKey: realtimeQueryKeys.patterns(slug) }),
      ]),
  });
  if (role !== "admin" && role !== "member") return <p className="text-sm text-slate-500 dark:text-slate-400">Viewers can read patterns but not change them.</p>;
  if (pattern.superseded_by) return <p className="text-sm text-slate-500 dark:text-slate-400">This is an older version; change the latest one.</p>;
  const admin = role === "admin";
  const { status } = pattern;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {(status === "active" || status === "pending") && (
          <Button variant="secondary" disabled={change.isPending} onClick={() => change.mutate({ method: "PATCH", status: "deprecated" })}
            data-testid="pattern-deprecate">Deprecate</Button>
        )}
        {(status === "deprecated" || (status === "archived" && admin)) && (
          <Button variant="secondary" disabled={change.isPending} onClick={() => change.mutate({ method: "PATCH", status: "active" })}
            data-testid="pattern-restore">Restore</Button>
        )}
        {admin && status !== "archived" && (
          <Button variant="danger" disabled={change.isPending} onClick={() => change.mutate({ method: "DELETE" })}
            data-testid="pattern-archive">Archive</Button>
        )}
      </div>
      <ErrorMessage error={change.error} testId="pattern-status-error" />
    </div>
  );
}
