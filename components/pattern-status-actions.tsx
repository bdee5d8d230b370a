"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
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
  // Deprecating steers agents away from a pattern: it asks first, and offers an undo after.
  const [confirming, setConfirming] = useState(false);
  const [undoTo, setUndoTo] = useState<"active" | null>(null);
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
        {(status === "active" || status === "pending") && !confirming && (
          <Button variant="secondary" disabled={change.isPending} onClick={() => (setConfirming(true), setUndoTo(null))}
            data-testid="pattern-deprecate">Deprecate</Button>
        )}
        {(status === "deprecated" || (status === "archived" && admin)) && !undoTo && (
          <Button variant="secondary" disabled={change.isPending} onClick={() => change.mutate({ method: "PATCH", status: "active" })}
            data-testid="pattern-restore">Restore</Button>
        )}
        {admin && status !== "archived" && (
          <Button variant="danger" disabled={change.isPending} onClick={() => change.mutate({ method: "DELETE" })}
            data-testid="pattern-archive">Archive</Button>
        )}
      </div>
      {confirming && (
        <div role="alertdialog" aria-label="Confirm deprecation" className="space-y-2 rounded-md bg-amber-50 p-3 text-sm dark:bg-amber-950" data-testid="pattern-deprecate-confirm">
          <p>Deprecate <strong>{pattern.name}</strong>? Matches keep returning it, with advice to avoid it, and the team’s feed says you did.</p>
          <div className="flex gap-2">
            <Button variant="danger" disabled={change.isPending} data-testid="pattern-deprecate-yes"
              onClick={() => change.mutate({ method: "PATCH", status: "deprecated" }, { onSuccess: () => (setConfirming(false), setUndoTo("active")) })}>
              Deprecate
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)} data-testid="pattern-deprecate-cancel">Cancel</Button>
          </div>
        </div>
      )}
      {undoTo && status === "deprecated" && (
        <p role="status" className="flex items-center gap-3 text-sm" data-testid="pattern-deprecated-notice">
          Deprecated.
          <Button variant="secondary" disabled={change.isPending} data-testid="pattern-undo"
            onClick={() => change.mutate({ method: "PATCH", status: undoTo }, { onSuccess: () => setUndoTo(null) })}>Undo</Button>
        </p>
      )}
      <ErrorMessage error={change.error} testId="pattern-status-error" />
    </div>
  );
}
