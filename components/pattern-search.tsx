"use client";

import Link from "next/link";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { MatchedPattern, MatchResponse } from "@/lib/domain";
import { apiFetch } from "./api-client";
import { formatLabel, formatPercent } from "./format";
import { QualityBadge } from "./quality-badge";
import { Button } from "./ui/button";
import { ErrorMessage } from "./ui/error-message";
import { control } from "./ui/field";

const strengthStyle = {
  strong: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-200",
  weak: "bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300",
} as const;

// The re-rank that placed the result: from which SQL place, its score and its two largest parts.
function rerankSummary(ranking: MatchedPattern["metadata"]["ranking"]): string {
  if (ranking.rerank_parts === null || ranking.rerank_score === null) return `not re-ranked (SQL #${ranking.sql_position})`;
  const largest = Object.entries(ranking.rerank_parts).sort(([, left], [, right]) => Math.abs(right) - Math.abs(left)).slice(0, 2)
    .map(([name, value]) => `${name.replaceAll("_", " ")} ${value.toFixed(2)}`);
  return `${ranking.rerank_score.toFixed(2)} from SQL #${ranking.sql_position} (${largest.join(", ")})`;
}

/** The parts of a result's rank (lib/domain MatchRanking), so that the order can be read. */
function RankingParts({ match }: { match: MatchedPattern }) {
  const ranking = match.metadata.ranking;
  const parts: Array<[string, string]> = [
    ["similarity", `${formatPercent(ranking.vector_similarity)}${ranking.vector_rank === null ? "" : ` (vector #${ranking.vector_rank})`}`],
    ["stands out", ranking.similarity_z === null ? "—" : `${ranking.similarity_z.toFixed(1)} σ`],
    ["intent's words", `${ranking.words_found} of ${ranking.intent_words} in it${ranking.text_rank === null ? "" : ` (text #${ranking.text_rank})`}`],
    ["relevance", ranking.relevance.toFixed(2)],
    ["quality", ranking.quality.toFixed(2)],
    ["outcomes", ranking.smoothed_success_rate.toFixed(2)],
    ["score", ranking.final_score.toFixed(3)],
    ["re-rank", rerankSummary(ranking)],
  ];
  return (
    <details className="w-full pl-8 text-xs text-slate-500 dark:text-slate-400" data-testid="search-result-why">
      <summary className="cursor-pointer">Why here: {match.strength_reason}</summary>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3">
        {parts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt>{label}</dt>
            <dd className="tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

function MatchResults({ slug, answer }: { slug: string; answer: MatchResponse }) {
  if (answer.matched_patterns.length === 0) {
    return <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="search-empty">No pattern fits that intent. Try other words.</p>;
  }
  return (
    <>
      {answer.query_metadata.rewrite && (
        <p className="text-xs text-slate-500 dark:text-slate-400" data-testid="search-rewrite">
          {answer.query_metadata.rewrite.used
            ? `Searched as: your words + “${answer.query_metadata.rewrite.text}” (${answer.query_metadata.rewrite.provider} ${answer.query_metadata.rewrite.model})`
            : `Searched as written: ${answer.query_metadata.rewrite.reason}`}
        </p>
      )}
      {answer.strong_matches === 0 && (
        <p className="text-sm text-amber-700 dark:text-amber-300" data-testid="search-no-strong">
          No strong match: these are the closest patterns, but none stands out as an answer to that intent.
        </p>
      )}
      <ol className="divide-y divide-slate-100 dark:divide-slate-800" data-testid="search-results">
        {answer.matched_patterns.map((match, index) => (
          <li key={match.pattern_id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 py-2" data-testid="search-result">
            <span className="w-5 text-right text-xs text-slate-400 tabular-nums">{index + 1}</span>
            <Link href={`/projects/${slug}/patterns/${match.pattern_id}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300"
              data-testid="search-result-link">{match.name}</Link>
            <span className="text-xs text-slate-500 dark:text-slate-400">
              {formatLabel(match.kind ?? match.pattern_type)} · similarity {formatPercent(match.confidence_score)} ·{" "}
              {match.metadata.occurrence_count} occurrence{match.metadata.occurrence_count === 1 ? "" : "s"}
            </span>
            <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${strengthStyle[match.strength]}`} data-testid="search-result-strength">
              {match.strength}
            </span>
            <QualityBadge score={match.metadata.quality_score} />
            {match.occurrences[0] && (
              <span className="w-full pl-8 font-mono text-xs text-slate-500 dark:text-slate-400">
                {/* The repository first: several repositories may each hold an app.py. */}
                {match.occurrences[0].repository ? `${match.occurrences[0].repository}/` : ""}{match.occurrences[0].file_path}:{match.occurrences[0].start_line}–{match.occurrences[0].end_line}
              </span>
            )}
            <RankingParts match={match} />
          </li>
        ))}
      </ol>
    </>
  );
}

/** A search box that asks the match API for the patterns that fit an intent, best first. */
export function PatternSearch({ slug }: { slug: string }) {
  const [intent, setIntent] = useState("");
  const match = useMutation({
    mutationFn: (text: string) =>
      apiFetch<MatchResponse>("/api/v1/patterns/match", { method: "POST", body: { project: slug, intent: text, limit: 10 } }),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (intent.trim()) match.mutate(intent.trim());
  };
  return (
    <section aria-labelledby="search-title" className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">
      <h2 id="search-title" className="text-base font-semibold">Find a pattern by intent</h2>
      <form onSubmit={onSubmit} role="search" className="flex flex-col gap-2 sm:flex-row">
        <label htmlFor="intent" className="sr-only">What do you want to do?</label>
        <input id="intent" type="search" value={intent} onChange={(event) => setIntent(event.target.value)} className={control}
          placeholder="e.g. retry an HTTP call with backoff" data-testid="search-intent" />
        <Button type="submit" disabled={match.isPending || !intent.trim()} data-testid="search-submit">
          {match.isPending ? "Searching…" : "Search"}
        </Button>
      </form>
      <ErrorMessage error={match.error} testId="search-error" />
      {match.data && (
        <>
          <p className="text-xs text-slate-500 dark:text-slate-400" data-testid="search-meta">
            {match.data.total_matches} candidate{match.data.total_matches === 1 ? "" : "s"} in {Math.round(match.data.query_metadata.query_time_ms)} ms
          </p>
          <MatchResults slug={slug} answer={match.data} />
        </>
      )}
    </section>
  );
}
