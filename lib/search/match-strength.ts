import type { MatchStrengthLevel } from "@/lib/domain";

/**
 * When a matched pattern counts as a strong answer, either way:
 * - it stands out: its similarity is at least `minimumSimilarityZ` standard deviations above
 *   the query's first 50 vector candidates (match_patterns' similarity_z) and the intent's own
 *   words were found in it (full-text rank within `maximumTextRank`);
 * - it leads: first in both candidate lists with a cosine similarity of at least
 *   `leaderSimilarity`.
 * Chosen on the in-sample intents of tests/bench/evaluate-search.ts (--calibrate); how often a
 * strong result is right on the held-out intents is in docs/search-quality.md. With fewer than
 * `minimumCandidates` patterns to compare with (a new project), nothing can be said to stand
 * out, so only a leader can be strong.
 */
export const strongMatchRule = { minimumSimilarityZ: 3.5, maximumTextRank: 10, leaderSimilarity: 0.75, minimumCandidates: 20 } as const;

/** Whether a match is strong or weak, and why, in words a person or an agent can act on. */
export interface MatchStrength {
  strength: MatchStrengthLevel;
  reason: string;
}

/** The parts of a match's rank that decide its strength. */
export interface StrengthEvidence {
  similarity: number;
  similarityZ: number | null;
  vectorRank: number | null;
  textRank: number | null;
}

/** Classifies one matched pattern from the parts of its rank. */
export function matchStrength({ similarity, similarityZ, vectorRank, textRank }: StrengthEvidence): MatchStrength {
  const rule = strongMatchRule;
  const wordsFound = textRank !== null && textRank <= rule.maximumTextRank;
  if (similarityZ !== null && similarityZ >= rule.minimumSimilarityZ && wordsFound) {
    return { strength: "strong", reason: `similarity ${similarityZ.toFixed(1)} σ above the other candidates and the intent's words found in it` };
  }
  if (vectorRank === 1 && textRank === 1 && similarity >= rule.leaderSimilarity) {
    return { strength: "strong", reason: `first by meaning and by words, similarity ${similarity.toFixed(2)}` };
  }
  if (similarityZ === null) return { strength: "weak", reason: `fewer than ${rule.minimumCandidates} patterns to compare its similarity with, and not a clear leader` };
  if (similarityZ < rule.minimumSimilarityZ) {
    return { strength: "weak", reason: `similarity only ${similarityZ.toFixed(1)} σ above the other candidates (strong needs ${rule.minimumSimilarityZ})` };
  }
  return { strength: "weak", reason: "the intent's words are not found in it" };
}

/** The answer's one-line verdict: how many results are strong, or that none is. */
export function summarizeStrength(strongMatches: number, results: number): string {
  if (results === 0) return "no pattern matched";
  if (strongMatches === 0) return "no strong match: these are the closest patterns, none stands out as an answer";
  return `${strongMatches} strong match${strongMatches === 1 ? "" : "es"}`;
}
