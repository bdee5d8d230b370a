import type { PatternDetails } from "@/lib/patterns";
import { formatDate, formatLabel, formatScore } from "./format";

const verdicts = { confirmed: "confirms the detected kind", rejected: "rejects the detected kind", not_applicable: "no kind was detected" } as const;

/** What a language model wrote of a pattern (`motif describe`), beside what the AST extractor found. */
export function ModelDescription({ pattern }: { pattern: PatternDetails }) {
  if (!pattern.llm_description) {
    return <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="model-description-none">No model has described this pattern yet (<code>motif describe</code>).</p>;
  }
  return (
    <div className="space-y-2 text-sm" data-testid="model-description">
      <p className="font-medium">{pattern.llm_name}</p>
      <p>{pattern.llm_description}</p>
      <p className="text-xs text-slate-500 dark:text-slate-400">
        {pattern.extraction_model} ({formatLabel(pattern.extraction_method)}) · {pattern.llm_kind_verdict ? verdicts[pattern.llm_kind_verdict] : ""}
        {pattern.llm_suggested_kind ? ` · suggests ${formatLabel(pattern.llm_suggested_kind)}` : ""} · confidence {formatScore(pattern.extraction_confidence)} · {formatDate(pattern.described_at)}
      </p>
    </div>
  );
}
