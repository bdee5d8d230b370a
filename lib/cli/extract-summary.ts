import { rankPatterns, type ExtractionRun } from "@/lib/extract";

const topPatternCount = 15;
const listedFailureCount = 20;

function count(value: number): string {
  return value.toLocaleString("en-US");
}

function plural(value: number, noun: string): string {
  return `${count(value)} ${noun}${value === 1 ? "" : "s"}`;
}

function tally(counts: Record<string, number>): string {
  const entries = Object.entries(counts).sort(([, left], [, right]) => right - left);
  return entries.length === 0 ? "none" : entries.map(([name, value]) => `${name} ${count(value)}`).join(", ");
}

function unitLine(run: ExtractionRun): string {
  const byKind: Record<string, number> = {};
  for (const unit of run.units) byKind[unit.kind] = (byKind[unit.kind] ?? 0) + 1;
  return `Units: ${count(run.units.length)} (${tally(byKind)})`;
}

// Design patterns and recurring shapes first, one-off units after, each by prominence
// (quality × ln(occurrences + 1) × substance): a well-documented one-liner must not lead the list.
function topPatternLines(run: ExtractionRun): string[] {
  const top = rankPatterns(run.patterns).slice(0, topPatternCount);
  if (top.length === 0) return [];
  return [
    "Top patterns (quality, name, occurrences):",
    ...top.map((pattern) => {
      const kind = pattern.kind ? ` [${pattern.kind}]` : "";
      const files = new Set(pattern.occurrences.map((occurrence) => occurrence.file)).size;
      return `  ${pattern.quality.score.toFixed(2)}  ${pattern.name}${kind}  ${plural(pattern.occurrences.length, "occurrence")} in ${plural(files, "file")}`;
    }),
  ];
}

function failureLines(run: ExtractionRun): string[] {
  if (run.failures.length === 0) return [];
  const listed = run.failures.slice(0, listedFailureCount).map((failure) => `  ${failure.file}: ${failure.reason}`);
  const rest = run.failures.length - listed.length;
  return [`Failed: ${plural(run.failures.length, "file")}`, ...listed, ...(rest > 0 ? [`  ... and ${count(rest)} more (see --json)`] : [])];
}

/** The human summary of `motif extract`: files, units, patterns by type and kind, the best patterns, failures, time. */
export function formatExtractionSummary(run: ExtractionRun): string {
  const { stats } = run;
  const seconds = (stats.durationMs / 1000).toFixed(1);
  const lines = [
    `Extracted ${plural(stats.files, "file")} (${plural(stats.lines, "line")}) in ${seconds} s ${stats.jobs === 1 ? "on one thread" : `with ${stats.jobs} worker threads`}`,
    unitLine(run),
    `Patterns: ${count(stats.patterns)}`,
    `  by type: ${tally(stats.patternsByType)}`,
    `  by kind: ${tally(stats.patternsByKind)}`,
    ...topPatternLines(run),
    ...(run.skipped.length > 0 ? [`Skipped: ${plural(run.skipped.length, "generated or minified file")}`] : []),
    ...failureLines(run),
  ];
  return `${lines.join("\n")}\n`;
}
