import { listMatchCandidates, recordMatchDetailsByIds, type MatchCandidateRow, type MatchDetailRow, type Queryable } from "@/lib/db";
import type { EmbeddingProvider } from "@/lib/embed";
import { motifMetrics } from "@/lib/metrics";
import { matchLimits, type IntentRewriteReport, type MatchedPattern, type MatchRequest, type MatchResponse } from "@/lib/domain";
import { matchStrength, summarizeStrength } from "./match-strength";
import { rerankDepth, rerankLead, rerankMatches, rerankParts, type Rerank } from "./rerank-matches";
import { recommendationsFor } from "./recommendations";

const occurrenceLimit = 50;

const round = (value: number | null) => (value === null ? null : Math.round(value * 1e6) / 1e6);

/**
 * The text that is embedded (intent, its rewrite in the code's words when there is one,
 * requirements, context) and the one matched as keywords (intent, rewrite, requirements).
 */
export function matchQueryTexts(request: MatchRequest, rewrite?: IntentRewriteReport): { embedding: string; keywords: string } {
  const requirements = request.requirements ?? [];
  const rewritten = rewrite?.used && rewrite.text ? [rewrite.text] : [];
  return {
    embedding: [request.intent, ...rewritten, ...requirements, request.context ?? ""].filter((part) => part.trim()).join("\n"),
    keywords: [request.intent, ...rewritten, ...requirements].join(" "),
  };
}

const retired = new Set(["deprecated", "archived"]);

// What the re-ranker reads of a SQL candidate.
function toRerankCandidate(row: MatchCandidateRow) {
  return {
    id: row.id, name: row.name, description: row.description, vectorRank: row.vector_rank, textRank: row.text_rank, similarityZ: row.similarity_z,
    intentWords: row.intent_words, wordsFound: row.words_found, quality: row.quality, finalScore: row.final_score,
  };
}

/**
 * The rows in the match's order, except that deprecated and archived patterns (only there when
 * the filters ask for them) follow the active and pending ones: they never lead a list.
 */
function leadWithCurrent<Row extends { detail: MatchDetailRow }>(rows: Row[]): Row[] {
  return [...rows.filter((row) => !retired.has(row.detail.status)), ...rows.filter((row) => retired.has(row.detail.status))];
}

/** One result on its way out: its SQL rank, its re-rank (null past rerankDepth) and its details. */
interface RankedRow {
  score: MatchCandidateRow & { position: number };
  rerank: Rerank | null;
  detail: MatchDetailRow;
}

// The lead of a result over the next in the order shown (lib/search rerankLead, or the SQL
// order's ln ratio past the re-ranked ones), null for the last result.
function rankLead(row: RankedRow, next: RankedRow | undefined): number | null {
  if (!next) return null;
  if (row.rerank && next.rerank) return rerankLead(row.rerank.score, next.rerank.score);
  return next.score.final_score > 0 && row.score.final_score > 0 ? Math.max(0, Math.log(row.score.final_score / next.score.final_score)) : 0;
}

const roundParts = (rerank: Rerank) => Object.fromEntries(Object.entries(rerankParts(rerank)).map(([name, value]) => [name, round(value)!])) as ReturnType<typeof rerankParts>;

function toMatchedPattern({ score, rerank, detail }: RankedRow, lead: number | null, position: number, peers: readonly MatchDetailRow[]): MatchedPattern {
  const strength = matchStrength({
    position, vectorRank: score.vector_rank, textRank: score.text_rank, intentWords: score.intent_words, wordsFound: score.words_found,
    similarityZ: score.similarity_z, scoreLead: lead, rerankShare: rerank?.share ?? null,
  });
  return {
    pattern_id: detail.id,
    pattern_type: detail.pattern_type,
    kind: detail.kind,
    name: detail.name,
    description: detail.description,
    confidence_score: round(Math.min(1, Math.max(0, score.vector_similarity)))!,
    strength: strength.strength,
    strength_reason: strength.reason,
    metadata: {
      version: detail.version, quality_score: detail.quality_score, success_rate: detail.success_rate,
      match_count: detail.match_count, usage_count: detail.usage_count, success_count: detail.success_count,
      failure_count: detail.failure_count, status: detail.status, language: detail.language, framework: detail.framework,
      tags: detail.tags, complexity: detail.complexity, occurrence_count: detail.occurrence_count,
      quality_parts: {
        complexity: detail.complexity_score, documentation: detail.documentation_score, test_coverage: detail.test_coverage_score,
        reusability: detail.reusability_score, maintainability: detail.maintainability_score,
      },
      ranking: {
        vector_similarity: round(score.vector_similarity)!, vector_rank: score.vector_rank, text_rank: score.text_rank,
        text_score: round(score.text_score), rrf_score: round(score.rrf_score)!, relevance: round(score.relevance)!,
        quality: round(score.quality)!, smoothed_success_rate: round(score.smoothed_success_rate)!, final_score: round(score.final_score)!,
        similarity_z: round(score.similarity_z), intent_words: score.intent_words, words_found: score.words_found, position,
        sql_position: score.position, rerank_score: rerank ? round(rerank.score) : null, rerank_share: rerank ? round(rerank.share) : null, rerank_parts: rerank ? roundParts(rerank) : null,
      },
    },
    occurrences: detail.occurrences,
    recommendations: recommendationsFor(detail, peers),
  };
}

/**
 * Finds the patterns of a project that fit an intent: embeds the query, runs the hybrid SQL
 * match (RLS applies: run it in the caller's transaction), records the match on the returned
 * patterns (match_count, last_matched_at) and answers in DESIGN §5's shape. `rewrite` is what
 * intent rewriting (lib/intent-rewrite, run before the transaction) made of the intent: when
 * used, its words join the intent's; either way the answer reports it.
 */
export async function matchPatterns({
  transaction,
  projectId,
  request,
  embedder,
  rewrite,
}: {
  transaction: Queryable;
  projectId: string;
  request: MatchRequest;
  embedder: EmbeddingProvider;
  rewrite?: IntentRewriteReport;
}): Promise<MatchResponse> {
  const startedAt = performance.now();
  const texts = matchQueryTexts(request, rewrite);
  const [embedding] = await embedder.embed([texts.embedding]);
  const limit = request.limit ?? matchLimits.default;
  // The SQL order's first candidates (at least rerankDepth, from lists as long as for `limit`),
  // re-ranked in Node (rerankMatches); then the counters and details of those shown.
  const candidates = await listMatchCandidates({
    transaction, projectId, embedding, queryText: texts.keywords, filters: request.filters ?? {},
    limit: Math.max(limit, rerankDepth), candidateLimitFor: limit, minSimilarity: request.min_confidence ?? 0,
  });
  const ranked = rerankMatches(texts.keywords, candidates.map((row, index) => ({ ...toRerankCandidate(row), row, position: index + 1 })))
    .slice(0, limit);
  const details = new Map((await recordMatchDetailsByIds({ transaction, ids: ranked.map(({ candidate }) => candidate.row.id), occurrenceLimit })).map((detail) => [detail.id, detail]));
  const visible = leadWithCurrent(ranked.flatMap(({ candidate, rerank }) => {
    const detail = details.get(candidate.row.id);
    return detail ? [{ score: { ...candidate.row, position: candidate.position }, rerank, detail }] : [];
  }));
  const peers = visible.map((row) => row.detail);
  const matched = visible.map((row, index) => toMatchedPattern(row, rankLead(row, visible[index + 1]), index + 1, peers));
  const strongMatches = matched.filter((pattern) => pattern.strength === "strong").length;
  const seconds = (performance.now() - startedAt) / 1000;
  motifMetrics.matchDuration().observe(seconds);
  return {
    matched_patterns: matched,
    total_matches: candidates[0]?.total_matches ?? 0,
    strong_matches: strongMatches,
    summary: summarizeStrength(strongMatches, matched.length),
    query_metadata: { query_time_ms: Math.round(seconds * 100_000) / 100, embedding_model: embedder.id, ...(rewrite ? { rewrite } : {}) },
  };
}
