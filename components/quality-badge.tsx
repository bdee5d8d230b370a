import { formatScore } from "./format";

// The same tiers as the insights chart (lib/db insights-queries `qualityTiers`).
function tierOf(score: number): { label: string; style: string } {
  if (score >= 0.8) return { label: "excellent", style: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200" };
  if (score >= 0.6) return { label: "good", style: "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-200" };
  if (score >= 0.4) return { label: "fair", style: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-200" };
  return { label: "poor", style: "bg-rose-100 text-rose-800 dark:bg-rose-950 dark:text-rose-200" };
}

/** A quality score with its tier as colour and as text (colour alone would exclude some readers). */
export function QualityBadge({ score }: { score: number | null }) {
  if (score === null) return <span className="text-slate-500 dark:text-slate-400">unscored</span>;
  const tier = tierOf(score);
  return (
    <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-semibold tabular-nums ${tier.style}`}
      title={`${tier.label} quality`}>
      {formatScore(score)}<span className="sr-only"> ({tier.label})</span>
    </span>
  );
}
