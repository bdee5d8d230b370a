import Link from "next/link";
import type { UploadSummary } from "@/lib/upload";

function Figure({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div>
      <dt className="text-xs text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="text-xl font-semibold tabular-nums" data-testid={testId}>{value}</dd>
    </div>
  );
}

/** What an ingest found and changed, with the files it could not read, and where to look next. */
export function IngestSummary({ slug, summary, seconds }: { slug: string; summary: UploadSummary; seconds: number }) {
  const problems = [...summary.failures.map((failure) => ({ file: failure.file, reason: failure.reason })), ...summary.skipped];
  return (
    <section aria-labelledby="ingest-summary-title" data-testid="ingest-summary"
      className="space-y-4 rounded-lg bg-emerald-50 p-4 ring-1 ring-emerald-200 dark:bg-emerald-950 dark:ring-emerald-800">
      <h2 id="ingest-summary-title" className="text-base font-semibold">Done in {seconds.toFixed(1)} s</h2>
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4 lg:grid-cols-7">
        <Figure label="Files read" value={summary.files} testId="summary-files" />
        <Figure label="Functions and classes" value={summary.units} testId="summary-units" />
        <Figure label="Patterns found" value={summary.patterns} testId="summary-patterns" />
        <Figure label="New patterns" value={summary.patterns_created} testId="summary-created" />
        <Figure label="Updated" value={summary.patterns_updated} testId="summary-updated" />
        <Figure label="Unchanged" value={summary.patterns_unchanged} testId="summary-unchanged" />
        <Figure label="Occurrences added" value={summary.occurrences.added} testId="summary-occurrences" />
      </dl>
      {problems.length > 0 && (
        <details>
          <summary className="cursor-pointer text-sm">{problems.length} file{problems.length === 1 ? "" : "s"} not extracted</summary>
          <ul className="mt-2 space-y-1 text-xs" data-testid="summary-problems">
            {problems.map((problem) => <li key={problem.file}><span className="font-mono">{problem.file}</span>: {problem.reason}</li>)}
          </ul>
        </details>
      )}
      <Link href={`/projects/${slug}/patterns`} className="inline-block text-sm font-semibold text-indigo-700 underline dark:text-indigo-300"
        data-testid="summary-patterns-link">See the patterns →</Link>
    </section>
  );
}
