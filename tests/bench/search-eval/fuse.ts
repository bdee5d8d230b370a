import type { ExtractedPattern } from "@/lib/domain";

/** The blend's constants: match_patterns' defaults, and the boosts --sweep tries beside them. */
export interface BlendOptions {
  rrfK: number;
  textWeight: number;
  qualityWeight: number;
  successWeight: number;
  /** × (1 + kindBoost) when the pattern's detected kind is named by the intent's words (retry_backoff: "retry", "backoff"). */
  kindBoost: number;
  /** × (1 + recurrenceBoost × min(1, log2(occurrences) / 3)): patterns that recur in the code first. */
  recurrenceBoost: number;
  /** × (1 + coverageWeight × words found / intent words): match_patterns' coverage_weight. */
  coverageWeight: number;
}

/** The intent's distinct words and how many of them each candidate holds (match_patterns' intent_words, words_found). */
export interface WordCoverage {
  intentWords: number;
  found: Map<number, number>;
}

/** The candidate lists of one intent, as fuseScores reads them. */
export interface CandidateLists {
  intent: string;
  vector: number[];
  text: number[];
  coverage: WordCoverage;
  patterns: ReadonlyArray<Pick<ExtractedPattern, "kind" | "occurrences" | "quality">>;
}

/** match_patterns' blend (20261208150001): RRF k 60, text list × 0.2, quality and outcomes 0.1 each, word coverage 0.15, no boosts. */
export const productBlend: BlendOptions = { rrfK: 60, textWeight: 0.2, qualityWeight: 0.1, successWeight: 0.1, kindBoost: 0, recurrenceBoost: 0, coverageWeight: 0.15 };

// A word of the intent names a kind when it starts like one of the kind's words (retries → retry).
function namesKind(intent: string, kind: string): boolean {
  const words = intent.toLowerCase().split(/[^a-z]+/).filter((word) => word.length >= 4);
  const kindWords = kind.split("_").filter((word) => word.length >= 4 && word !== "handling" && word !== "manager");
  return kindWords.some((kindWord) => words.some((word) => word.slice(0, 5) === kindWord.slice(0, 5)));
}

/**
 * The hybrid order of one intent, as match_patterns fuses its vector and full-text lists (no
 * usage yet: the smoothed success rate is 0.5), with the optional boosts, and each pattern's
 * final score (match_patterns' final_score).
 */
export function fuseScores({ intent, vector, text, coverage, patterns }: CandidateLists, options: BlendOptions = productBlend): { order: number[]; scores: Map<number, number> } {
  const rrf = new Map<number, number>();
  vector.forEach((index, rank) => rrf.set(index, (rrf.get(index) ?? 0) + 1 / (options.rrfK + rank + 1)));
  text.forEach((index, rank) => rrf.set(index, (rrf.get(index) ?? 0) + options.textWeight / (options.rrfK + rank + 1)));
  const final = (index: number) => {
    const pattern = patterns[index];
    const blend = 1 - options.qualityWeight - options.successWeight + options.qualityWeight * pattern.quality.score + options.successWeight * 0.5;
    const kind = options.kindBoost > 0 && pattern.kind && namesKind(intent, pattern.kind) ? 1 + options.kindBoost : 1;
    const recurrence = 1 + options.recurrenceBoost * Math.min(1, Math.log2(Math.max(1, pattern.occurrences.length)) / 3);
    const covered = 1 + (options.coverageWeight * (coverage.found.get(index) ?? 0)) / Math.max(1, coverage.intentWords);
    return (rrf.get(index)! / ((1 + options.textWeight) / (options.rrfK + 1))) * blend * kind * recurrence * covered;
  };
  const scores = new Map([...rrf.keys()].map((index) => [index, final(index)]));
  return { order: [...rrf.keys()].sort((left, right) => scores.get(right)! - scores.get(left)! || left - right), scores };
}

/** The hybrid order of one intent (fuseScores without the scores). */
export function fuseRankings(lists: CandidateLists, options: BlendOptions = productBlend): number[] {
  return fuseScores(lists, options).order;
}
