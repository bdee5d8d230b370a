import type { MatchStrengthLevel } from "@/lib/domain";

/**
 * When a matched pattern counts as a strong answer: it is the first result, the intent's own
 * words pick it first (first in the full-text list), it is among the first `maximumVectorRank`
 * by meaning (the vector list), and at least `minimumWordShare` of the intent's words are
 * found in it (or `enoughWordsFound` of them: a long prompt, as prompt enhancement sends, holds
 * many words no single pattern has). Two independent readings of the intent agree on it, and it holds what was
 * asked for. With fewer than `minimumCandidates` patterns to choose from (a new project),
 * "among the first three" says nothing, so it must lead the vector list too.
 *
 * Chosen on the held-out intents of tests/bench/evaluate-search.ts (--calibrate): of the rules
 * of this shape (vector rank ≤ 1–3, text rank ≤ 1–2, word share 0–0.75), the one with the
 * highest held-out precision among those that mark at least 20 held-out intents; the
 * three-word floor was added afterwards for prompt enhancement (all figures, with it, in
 * docs/search-quality.md). A rule on the
 * similarity's spread (σ above the other candidates) was right 81 % of the time in-sample,
 * where it was chosen, and 46 % on intents it never saw; figures in docs/search-quality.md.
 */
export const strongMatchRule = { maximumVectorRank: 3, maximumTextRank: 1, minimumWordShare: 0.5, enoughWordsFound: 3, minimumCandidates: 20 } as const;

/** Whether a match is strong or weak, and why, in words a person or an agent can act on. */
export interface MatchStrength {
  strength: MatchStrengthLevel;
  reason: string;
}

/** The parts of a match's rank that decide its strength. */
export interface StrengthEvidence {
  /** Its place in the answer, 1 = first. */
  position: number;
  vectorRank: number | null;
  textRank: number | null;
  /** The intent's distinct words, and how many of them the pattern holds. */
  intentWords: number;
  wordsFound: number;
  /** How many patterns the vector list compared (match_patterns' similarity_z is null under minimumCandidates). */
  candidates: "enough" | "few";
}

function wordsPhrase(found: number, of: number): string {
  return `${found} of the intent's ${of} word${of === 1 ? "" : "s"} found in it`;
}

/** Why a result that is not strong is weak: the first condition it fails. */
function weakReason(evidence: StrengthEvidence, rule: typeof strongMatchRule, maximumVectorRank: number): string {
  const { position, vectorRank, textRank, intentWords, wordsFound } = evidence;
  if (position !== 1) return "not the first result";
  if (textRank === null || textRank > rule.maximumTextRank) {
    return textRank === null ? "the intent's words do not pick it (not in the full-text list)" : `the intent's words rank another pattern first (it is #${textRank} by words)`;
  }
  if (vectorRank === null || vectorRank > maximumVectorRank) {
    return `by meaning it is ${vectorRank === null ? "not among the candidates" : `only #${vectorRank}`} (strong needs #${maximumVectorRank === 1 ? "1" : `1–${maximumVectorRank}`}${evidence.candidates === "few" ? " in a project this small" : ""})`;
  }
  if (intentWords === 0) return "the intent has no words to look for in it";
  return `only ${wordsPhrase(wordsFound, intentWords)} (strong needs half, or ${rule.enoughWordsFound})`;
}

/** Classifies one matched pattern from the parts of its rank. */
export function matchStrength(evidence: StrengthEvidence): MatchStrength {
  const rule = strongMatchRule;
  const { position, vectorRank, textRank, intentWords, wordsFound } = evidence;
  const maximumVectorRank = evidence.candidates === "few" ? 1 : rule.maximumVectorRank;
  const strong =
    position === 1 &&
    textRank !== null && textRank <= rule.maximumTextRank &&
    vectorRank !== null && vectorRank <= maximumVectorRank &&
    intentWords > 0 && (wordsFound / intentWords >= rule.minimumWordShare || wordsFound >= rule.enoughWordsFound);
  if (strong) {
    return { strength: "strong", reason: `first by the intent's words, #${vectorRank} by meaning, ${wordsPhrase(wordsFound, intentWords)}` };
  }
  return { strength: "weak", reason: weakReason(evidence, rule, maximumVectorRank) };
}

/** The answer's one-line verdict: how many results are strong, or that none is. */
export function summarizeStrength(strongMatches: number, results: number): string {
  if (results === 0) return "no pattern matched";
  if (strongMatches === 0) return "no strong match: these are the closest patterns, none stands out as an answer";
  return `${strongMatches} strong match${strongMatches === 1 ? "" : "es"}`;
}
