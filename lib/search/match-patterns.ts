import { matchPatternsWithDetails, type MatchDetailRow, type MatchScoreRow, type Queryable } from "@/lib/db";
import type { EmbeddingProvider } from "@/lib/embed";
import { motifMetrics } from "@/lib/metrics";
import { matchLimits, type IntentRewriteReport, type MatchedPattern, type MatchRequest, type MatchResponse } from "@/lib/domain";
import { matchStrength, scoreLead, summarizeStrength } from "./match-strength";
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

/**
 * The rows in the match's order, except that deprecated and archived patterns (only there when
 * the filters ask for them) follow the active and pending ones: they never lead a list.
 */
function leadWithCurrent<Row extends { detail: MatchDetailRow }>(rows: Row[]): Row[] {
  return [...rows.filter((row) => !retired.has(row.detail.status)), ...rows.filter((row) => retired.has(row.detail.status))];
}

function toMatchedPattern(score: MatchScoreRow, next: MatchScoreRow | undefined, position: number, detail: MatchDetailRow, peers: readonly MatchDetailRow[]): MatchedPattern {
  const strength = matchStrength({
    position, vectorRank: score.vector_rank, textRank: score.text_rank, intentWords: score.intent_words, wordsFound: score.words_found,
    similarityZ: score.similarity_z, scoreLead: scoreLead(score.final_score, next?.final_score),
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
  // One statement: the match, the counter update and the details (lib/db matchPatternsWithDetails).
  const rows = await matchPatternsWithDetails({
    transaction, projectId, embedding, queryText: texts.keywords, filters: request.filters ?? {},
    limit: request.limit ?? matchLimits.default, minSimilarity: request.min_confidence ?? 0, occurrenceLimit,
  });
  const visible = leadWithCurrent(rows.filter((row): row is typeof row & { detail: MatchDetailRow } => row.detail !== null));
  const peers = visible.map((row) => row.detail);
  const matched = visible.map((row, index) => toMatchedPattern(row, visible[index + 1], index + 1, row.detail, peers));
  const strongMatches = matched.filter((pattern) => pattern.strength === "strong").length;
  const seconds = (performance.now() - startedAt) / 1000;
  motifMetrics.matchDuration().observe(seconds);
  return {
    matched_patterns: matched,
    total_matches: rows[0]?.total_matches ?? 0,
    strong_matches: strongMatches,
    summary: summarizeStrength(strongMatches, matched.length),
    query_metadata: { query_time_ms: Math.round(seconds * 100_000) / 100, embedding_model: embedder.id, ...(rewrite ? { rewrite } : {}) },
  };
}
