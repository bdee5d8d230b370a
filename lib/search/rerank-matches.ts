import modelData from "./data/rerank-model.json" with { type: "json" };
import { rerankPartNames, type RerankPartName } from "@/lib/domain";
import { contentStems, rerankFeatures, type RerankCandidate } from "./rerank-features";

/**
 * How many of the SQL order's first candidates the re-ranker re-judges; the rest follow them in
 * the SQL order.
 */
export const rerankDepth = 30;

/**
 * The re-ranker's weights, one per part (rerankPartNames), fitted by
 * tests/bench/search-eval/fit-rerank.ts on the four tuning intent sets, each set left out in
 * turn to measure it (docs/search-quality.md, "Session 10"). Data, not code: a refit rewrites
 * lib/search/data/rerank-model.json.
 */
export const rerankModel: { fitted: string; weights: Record<RerankPartName, number> } = modelData;

/** One candidate's re-rank: its score (the sum of its parts), each part's share of it, and its share of the candidates. */
export interface Rerank {
  score: number;
  parts: Record<RerankPartName, number>;
  /**
   * The model's chance that this is the right one of the candidates it re-ranked, if one of
   * them is (e^score over the sum of e^score: the listwise model's own reading).
   */
  share: number;
}

/** Scores each candidate: the weighted sum of its parts (rerankFeatures), each part kept for the explanation. */
export function rerankScores(intent: string, candidates: readonly RerankCandidate[]): Rerank[] {
  const stems = contentStems(intent);
  const top = Math.max(0, ...candidates.map((candidate) => candidate.finalScore));
  const reranks = candidates.map((candidate): Rerank => {
    const values = rerankFeatures(stems, candidate, top);
    const parts = Object.fromEntries(rerankPartNames.map((name, index) => [name, values[index] * rerankModel.weights[name]])) as Record<RerankPartName, number>;
    return { score: Object.values(parts).reduce((sum, part) => sum + part, 0), parts, share: 0 };
  });
  const highest = Math.max(...reranks.map((rerank) => rerank.score));
  const total = reranks.reduce((sum, rerank) => sum + Math.exp(rerank.score - highest), 0);
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
