/** Per-kind precision/recall tables of the combined detector (rules OR classifier) on labelled examples. */
import type { Example } from "./dataset";
import { countKind, kinds, reported, type Counts } from "./fit";

function ratio(part: number, whole: number): string {
  return whole === 0 ? "  n/a" : (part / whole).toFixed(2).padStart(5);
}

function row(label: string, counts: Counts): string {
  const { tp, fp, fn } = counts;
  return `${label.padEnd(24)} ${[tp, fp, fn].map((value) => String(value).padStart(4)).join(" ")}      ${ratio(tp, tp + fp)}   ${ratio(tp, tp + fn)}  (${tp}/${tp + fn})`;
}

/** Sums counts. */
export function addCounts(into: Counts, more: Counts): void {
  into.tp += more.tp;
  into.fp += more.fp;
  into.fn += more.fn;
}

/** Per-kind counts of the rules alone and of rules + classifier at the given thresholds. */
export function kindCounts(scored: Map<Example, number[]>, thresholds: readonly number[]): { rules: Counts[]; combined: Counts[] } {
  return {
    rules: kinds.map((_, index) => countKind(scored, index, 1.01)),
    combined: kinds.map((_, index) => countKind(scored, index, thresholds[index]!)),
  };
}

/** Share of background (unlabelled) units given at least one kind, by the rules alone and combined. */
export function backgroundRate(scored: Map<Example, number[]>, thresholds: readonly number[]): { units: number; rules: number; combined: number } {
  let units = 0;
  let rules = 0;
  let combined = 0;
  for (const [example, probabilities] of scored) {
    if (example.labelled) continue;
    units++;
    if (example.heuristic.size > 0) rules++;
    if (kinds.some((_, index) => reported(example, probabilities, index, thresholds[index]!))) combined++;
  }
  return { units, rules, combined };
}

/** The table: each kind's rules-only and combined counts, then the micro-averaged overall rows. */
export function formatCounts(title: string, counts: { rules: Counts[]; combined: Counts[] }): string[] {
  const lines = [title, `${"kind".padEnd(24)}   tp   fp   fn  precision  recall   (rules alone: P / R)`];
  const rulesTotal = { tp: 0, fp: 0, fn: 0 };
  const total = { tp: 0, fp: 0, fn: 0 };
  kinds.forEach((kind, index) => {
    const rules = counts.rules[index]!;
    addCounts(rulesTotal, rules);
    addCounts(total, counts.combined[index]!);
    lines.push(`${row(kind, counts.combined[index]!)}   (${ratio(rules.tp, rules.tp + rules.fp).trim()} / ${ratio(rules.tp, rules.tp + rules.fn).trim()})`);
  });
  lines.push(`${row("overall (micro)", total)}   (${ratio(rulesTotal.tp, rulesTotal.tp + rulesTotal.fp).trim()} / ${ratio(rulesTotal.tp, rulesTotal.tp + rulesTotal.fn).trim()})`);
  return lines;
}
