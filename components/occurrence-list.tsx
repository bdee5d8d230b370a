import type { OccurrenceRow } from "@/lib/db";

/** Where a pattern stands in code: file, lines, qualified name and complexity of each copy. */
export function OccurrenceList({ occurrences }: { occurrences: OccurrenceRow[] }) {
  if (occurrences.length === 0) {
    return <p className="text-sm text-slate-600 dark:text-slate-300">No occurrence in code: this pattern was written down by hand.</p>;
  }
  return (
    <ul className="divide-y divide-slate-100 text-sm dark:divide-slate-800" data-testid="occurrence-list">
      {occurrences.map((occurrence) => (
        <li key={`${occurrence.repository}:${occurrence.file_path}:${occurrence.start_line}`} className="flex flex-wrap justify-between gap-x-3 py-1.5"
          data-testid="occurrence">
          <span className="break-all font-mono text-xs">
            {occurrence.repository && <span className="text-slate-500 dark:text-slate-400">{occurrence.repository}/</span>}
            {occurrence.file_path}:{occurrence.start_line}–{occurrence.end_line}
          </span>
          <span className="text-xs text-slate-500 dark:text-slate-400">
            {occurrence.qualname ?? occurrence.unit_kind ?? ""}
            {occurrence.complexity !== null && ` · complexity ${occurrence.complexity}`}
          </span>
        </li>
      ))}
    </ul>
  );
}
