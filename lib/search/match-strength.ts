import type { MatchStrengthLevel } from "@/lib/domain";

/**
 * How likely the first result is a right answer, from the parts of its rank: a logistic model
 * over its place in the full-text list (1/rank, 0 when absent), the share of the intent's words
 * found in it (of at most `wordShareOf` words: a long prompt, as prompt enhancement sends, holds
 * many words no one pattern has), how many are found (up to 5), how far its similarity stands
 * above the other candidates by meaning (σ), how far its score leads the next result's (ln of
 * the ratio, at most 1), and the re-ranker's chance for it among its candidates. The first result is strong when the model gives it at
 * least `threshold`. (Its rank in the vector list adds nothing once the σ is known.) In a project
 * too small to read a spread (similarity_z is null under `minimumCandidates` candidates) the model
 * does not apply, and no labelled intents exist for such projects: there the first result is
 * strong when it leads both lists and holds at least half of the intent's words (the agreement
 * the model rewards most).
 *
 * Fitted by tests/bench/search-eval/fit-strength.ts on the first results of the six tuning intent
 * sets (in-sample, held-out, held-out-2 … held-out-5: 601 intents) of tests/bench/evaluate-search.ts,
 * ranked as the product ranks them (the SQL order re-ranked by lib/search rerankMatches, refitted
 * in session 12), with the built-in embedder and use-lite pooled (1,202 examples). It reads the
 * re-ranker's own chance for the first result among its candidates (Rerank.share), and a lead is
 * the re-rank's (rerankLead). The threshold is the lowest at which strong results were right at
 * least 80 % of the time on every set left out of the fit in turn (0.9: 8/10, 8/8, 1/1, 2/2,
 * 3/3, 4/4, pooled 26 of 28; at 0.85 in-sample left out read 8 of 11). held-out-6 was never read
 * (figures and commands in docs/search-quality.md).
 */
export const strengthModel = {
  intercept: -5.04,
  wordShareOf: 8,
  /** Weights of: 1/text rank, share of the intent's words found (of at most wordShareOf), words found / 5, σ / 3, score lead, the re-ranker's share. */
  weights: [0.36, 1.8, 1.65, 0.73, 0.47, 2.68],
  threshold: 0.9,
  /** Under this many vector candidates match_patterns reads no spread (similarity_z is null). */
  minimumCandidates: 20,
} as const;

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
  /** match_patterns' similarity_z: σ above the other candidates, null in a project too small to tell. */
  similarityZ: number | null;
  /**
   * How far its final score leads the next result's: ln(score / next score), 0 when it does not
   * lead, null when there is no next result (a limit of 1), which counts as no lead.
   */
  scoreLead: number | null;
  /** The re-ranker's chance that it is the right one of the candidates (lib/search Rerank.share); null or absent when not re-ranked. */
  rerankShare?: number | null;
}

/** The lead of a final score over the next one (StrengthEvidence.scoreLead). */
export function scoreLead(score: number, next: number | undefined): number | null {
  if (next === undefined) return null;
  return next > 0 && score > 0 ? Math.max(0, Math.log(score / next)) : 0;
}

/** The model's inputs for one match, in strengthModel.weights' order. */
export function strengthFeatures({ textRank, intentWords, wordsFound, similarityZ, scoreLead: lead, rerankShare }: StrengthEvidence): number[] {
  return [
    textRank ? 1 / textRank : 0,
    intentWords > 0 ? Math.min(1, wordsFound / Math.min(intentWords, strengthModel.wordShareOf)) : 0,
    Math.min(wordsFound, 5) / 5,
    Math.max(Math.min(similarityZ ?? 0, 6), -2) / 3,
    Math.min(lead ?? 0, 1),
    rerankShare ?? 0,
  ];
}

/** The model's chance that this match is a right answer (meaningful for the first result with a spread). */
export function strengthProbability(evidence: StrengthEvidence): number {
  const features = strengthFeatures(evidence);
  const sum = strengthModel.weights.reduce<number>((total, weight, index) => total + weight * features[index], strengthModel.intercept);
  return 1 / (1 + Math.exp(-sum));
}

// The parts of the rank in words; the small-project rule reads no lead, so it is said only for the model.
function evidencePhrase({ vectorRank, textRank, intentWords, wordsFound, similarityZ, scoreLead: lead, rerankShare }: StrengthEvidence, withLead = true): string {
  const byWords = textRank === null ? "not in the full-text list" : `#${textRank} by the intent's words`;
  const byMeaning = vectorRank === null ? "not among the candidates by meaning" : `#${vectorRank} by meaning`;
  const spread = similarityZ === null ? "" : `, ${similarityZ.toFixed(1)} σ above the other candidates`;
  const ahead = lead === null || !withLead ? "" : `, score ${Math.exp(lead).toFixed(2)}× the next result's`;
  const share = rerankShare === null || rerankShare === undefined || !withLead ? "" : `, re-ranker's pick of its candidates at ${rerankShare.toFixed(2)}`;
  return `${byWords}, ${byMeaning}, ${wordsFound} of the intent's ${intentWords} word${intentWords === 1 ? "" : "s"} found in it${spread}${ahead}${share}`;
}

// A project too small to read a spread: the first result must lead both lists with half the words.
function smallProjectStrength(evidence: StrengthEvidence): MatchStrength {
  const { vectorRank, textRank, intentWords, wordsFound } = evidence;
  const strong = vectorRank === 1 && textRank === 1 && intentWords > 0 && wordsFound * 2 >= intentWords;
  const rule = "in a project this small, strong needs #1 by words and by meaning and half the intent's words";
  return { strength: strong ? "strong" : "weak", reason: `${evidencePhrase(evidence, false)} (${rule})` };
}

/** Classifies one matched pattern from the parts of its rank. */
export function matchStrength(evidence: StrengthEvidence): MatchStrength {
  if (evidence.position !== 1) return { strength: "weak", reason: "not the first result" };
  if (evidence.similarityZ === null) return smallProjectStrength(evidence);
  const probability = strengthProbability(evidence);
  const chance = `chance of being right ${probability.toFixed(2)} (strong from ${strengthModel.threshold.toFixed(2)})`;
  return probability >= strengthModel.threshold
    ? { strength: "strong", reason: `${evidencePhrase(evidence)}: ${chance}` }
    : { strength: "weak", reason: `${chance}: ${evidencePhrase(evidence)}` };
}

/** The answer's one-line verdict: how many results are strong, or that none is. */
export function summarizeStrength(strongMatches: number, results: number): string {
  if (results === 0) return "no pattern matched";
  if (strongMatches === 0) return "no strong match: these are the closest patterns, none stands out as an answer";
  return `${strongMatches} strong match${strongMatches === 1 ? "" : "es"}`;
}
