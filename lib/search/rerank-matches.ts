import modelData from "./data/rerank-model.json" with { type: "json" };
import { rerankPartNames, type RerankPartName } from "@/lib/domain";
import { rerankFeatures, rerankIntent, type RerankCandidate } from "./rerank-features";

/**
 * How many of the SQL order's first candidates the re-ranker re-judges; the rest follow them in
 * the SQL order.
 */
export const rerankDepth = 30;

/**
 * The re-ranker's weights, one per part (rerankPartNames), fitted by
 * tests/bench/search-eval/fit-rerank.ts on the six tuning intent sets, each set left out in
 * turn to measure it (docs/search-quality.md, "Session 12"). Data, not code: a refit rewrites
 * lib/search/data/rerank-model.json.
 */
export const rerankModel: { fitted: string; weights: Record<RerankPartName, number> } = modelData;

/** One candidate's re-rank: its score (the sum of its parts), what each part read, and its share of the candidates. */
export interface Rerank {
  score: number;
  /** What each part read (rerankFeatures, in rerankPartNames' order), before its weight: rerankParts gives the weighted parts. */
  values: number[];
  /**
   * The model's chance that this is the right one of the candidates it re-ranked, if one of
   * them is (e^score over the sum of e^score: the listwise model's own reading).
   */
  share: number;
}

// The weights in rerankPartNames' order, read once.
const weightList = rerankPartNames.map((name) => rerankModel.weights[name]);

/** Each part of a re-rank score: what the part read times its weight (they add up to the score). */
export function rerankParts(rerank: Rerank): Record<RerankPartName, number> {
  return Object.fromEntries(rerankPartNames.map((name, index) => [name, rerank.values[index] * weightList[index]])) as Record<RerankPartName, number>;
}

/** Scores each candidate: the weighted sum of its parts (rerankFeatures). */
export function rerankScores(intent: string, candidates: readonly RerankCandidate[]): Rerank[] {
  const read = rerankIntent(intent);
  let top = 0;
  for (const candidate of candidates) top = Math.max(top, candidate.finalScore);
  const reranks = candidates.map((candidate): Rerank => {
    const values = rerankFeatures(read, candidate, top);
    let score = 0;
    for (let index = 0; index < values.length; index++) score += values[index] * weightList[index];
    return { score, values, share: 0 };
  });
  let highest = -Infinity;
  for (const rerank of reranks) highest = Math.max(highest, rerank.score);
  let total = 0;
  for (const rerank of reranks) total += Math.exp(rerank.score - highest);
  for (const rerank of reranks) rerank.share = Math.exp(rerank.score - highest) / total;
  return reranks;
}

/**
 * The candidates in the re-ranked order: the first rerankDepth by their re-rank score (ties in
 * the SQL order), then the others in the SQL order. Each item keeps its re-rank (null past the
 * depth).
 */
export function rerankMatches<Candidate extends RerankCandidate>(intent: string, candidates: readonly Candidate[]): Array<{ candidate: Candidate; rerank: Rerank | null }> {
  const head = candidates.slice(0, rerankDepth);
  const scores = rerankScores(intent, head);
  const ordered = head.map((candidate, index) => ({ candidate, rerank: scores[index] as Rerank | null, index }))
    .sort((left, right) => right.rerank!.score - left.rerank!.score || left.index - right.index)
    .map(({ candidate, rerank }) => ({ candidate, rerank }));
  return [...ordered, ...candidates.slice(rerankDepth).map((candidate) => ({ candidate, rerank: null }))];
}

/**
 * How far one re-ranked result leads the next (StrengthEvidence.scoreLead): the difference of
 * their re-rank scores over the SQL score's weight, which puts it back in the units of the SQL
 * order's lead (ln of the ratio of final scores): a re-ranker that read the SQL score alone
 * would give the same lead.
 */
export function rerankLead(score: number, next: number): number {
  return Math.max(0, (score - next) / rerankModel.weights.sql_score);
}
