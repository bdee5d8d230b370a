"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { realtimeQueryKeys } from "./query-keys";
import { apiFetch } from "./api-client";
import { formatPercent } from "./format";
import { Button } from "./ui/button";
import { ErrorMessage } from "./ui/error-message";
import { SelectField, TextField } from "./ui/field";

const outcomeOptions = [
  { value: "successful", label: "It worked" },
  { value: "partial", label: "It partly worked" },
  { value: "failed", label: "It failed" },
];

const ratingOptions = [
  { value: "", label: "No rating" },
  ...[5, 4, 3, 2, 1].map((rating) => ({ value: String(rating), label: `${"★".repeat(rating)}${"☆".repeat(5 - rating)} (${rating})` })),
];

type UsageAnswer = { pattern: { success_rate: number | null; usage_count: number } };

/** Rates the pattern and reports how using it went; the counters and charts refresh. */
export function UsageReportForm({ slug, patternId }: { slug: string; patternId: string }) {
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState("successful");
  const [rating, setRating] = useState("");
  const [feedback, setFeedback] = useState("");
  const report = useMutation({
    mutationFn: () =>
      apiFetch<UsageAnswer>(`/api/v1/patterns/${patternId}/usage`, {
        method: "POST",
        body: { outcome, ...(rating ? { rating: Number(rating) } : {}), ...(feedback.trim() ? { feedback: feedback.trim() } : {}), context: { source: "dashboard" } },
      }),
    onSuccess: async () => {
      setFeedback("");
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: realtimeQueryKeys.pattern(patternId) }),
        queryClient.invalidateQueries({ queryKey: realtimeQueryKeys.patterns(slug) }),
        queryClient.invalidateQueries({ queryKey: realtimeQueryKeys.insights(slug) }),
      ]);
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    report.mutate();
  };
  return (
    <form onSubmit={onSubmit} aria-label="Report an outcome" className="space-y-3" data-testid="usage-form">
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField label="Outcome" options={outcomeOptions} value={outcome} onChange={(event) => setOutcome(event.target.value)} data-testid="usage-outcome" />
        <SelectField label="Rating" options={ratingOptions} value={rating} onChange={(event) => setRating(event.target.value)} data-testid="usage-rating" />
      </div>
      <TextField label="Note (optional)" value={feedback} maxLength={5000} onChange={(event) => setFeedback(event.target.value)} data-testid="usage-feedback" />
      <ErrorMessage error={report.error} testId="usage-report-error" />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={report.isPending} data-testid="usage-submit">{report.isPending ? "Reporting…" : "Report outcome"}</Button>
        {report.data && (
          <p role="status" className="text-sm text-emerald-700 dark:text-emerald-300" data-testid="usage-reported">
            Thanks. Success rate now {formatPercent(report.data.pattern.success_rate)} over {report.data.pattern.usage_count} uses.
          </p>
        )}
      </div>
    </form>
  );
}
