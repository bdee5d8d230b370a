/**
 * When a matched pattern counts as a strong answer: its similarity stands at least
 * `minimumSimilarityZ` standard deviations above the query's first 50 vector candidates
 * (match_patterns' similarity_z), and the intent's own words were found in it (full-text
 * rank within `maximumTextRank`). Chosen on the in-sample intents of
 * tests/bench/evaluate-search.ts; how often a strong result is right on the held-out intents
 * is in docs/search-quality.md.
 */
export const strongMatchRule = { minimumSimilarityZ: 3.5, maximumTextRank: 10 } as const;

/** Whether a match is strong or weak, and why, in words a person or an agent can act on. */
export interface MatchStrength {
  strength: "strong" | "weak";
  reason: string;
}

/** Classifies one matched pattern from the parts of its rank. */
export function matchStrength({ similarityZ, textRank }: { similarityZ: number | null; textRank: number | null }): MatchStrength {
  const standsOut = similarityZ !== null && similarityZ >= strongMatchRule.minimumSimilarityZ;
  const wordsFound = textRank !== null && textRank <= strongMatchRule.maximumTextRank;
  if (standsOut && wordsFound) return { strength: "strong", reason: `similarity ${similarityZ!.toFixed(1)} σ above the other candidates and the intent's words found in it` };
  if (!standsOut) {
    const spread = similarityZ === null ? "too few candidates to compare its similarity with" : `similarity only ${similarityZ.toFixed(1)} σ above the other candidates (strong needs ${strongMatchRule.minimumSimilarityZ})`;
    return { strength: "weak", reason: spread };
  }
  return { strength: "weak", reason: "none of the intent's words found in it" };
}
