import type { MatchFilterValues } from "@/lib/db";

/** DESIGN §5 filters of a match. */
export type MatchFilters = MatchFilterValues;

/** A match request (`POST /api/v1/patterns/match`, `motif search`), already validated. */
export interface MatchRequest {
  /** What the caller wants to do, in their words. */
  intent: string;
  /** Surrounding code or prose; it shapes the embedding, not the keyword match. */
  context?: string;
  /** Must-haves ("async", "no dependencies"); they count as much as the intent. */
  requirements?: string[];
  filters?: MatchFilters;
  /** 1–100, default 5. */
  limit?: number;
  /** 0–1: the least cosine similarity of a returned pattern to the query. */
  min_confidence?: number;
}

/** Where a matched pattern stands in code. */
export interface MatchOccurrence {
  /** The repository the path is in ("" for a project's single checkout). */
  repository: string;
  file_path: string;
  start_line: number;
  end_line: number;
  qualname: string | null;
}

/** How the final rank was made (see supabase/migrations/*_match_patterns.sql). */
export interface MatchRanking {
  vector_similarity: number;
  vector_rank: number | null;
  text_rank: number | null;
  text_score: number | null;
  rrf_score: number;
  relevance: number;
  quality: number;
  smoothed_success_rate: number;
  final_score: number;
}

/** One matched pattern, as DESIGN §5 shapes it. */
export interface MatchedPattern {
  pattern_id: string;
  pattern_type: string;
  kind: string | null;
  name: string;
  description: string;
  /** Cosine similarity of the pattern to the query, 0–1. */
  confidence_score: number;
  metadata: {
    version: number;
    quality_score: number | null;
    success_rate: number | null;
    match_count: number;
    usage_count: number;
    success_count: number;
    failure_count: number;
    status: string;
    language: string | null;
    framework: string | null;
    tags: string[];
    complexity: number | null;
    quality_parts: Record<"complexity" | "documentation" | "test_coverage" | "reusability" | "maintainability", number | null>;
    occurrence_count: number;
    ranking: MatchRanking;
  };
  occurrences: MatchOccurrence[];
  recommendations: string[];
}

/** The answer to a match request. */
export interface MatchResponse {
  matched_patterns: MatchedPattern[];
  /** Candidates that passed the filters and min_confidence, before the limit. */
  total_matches: number;
  query_metadata: { query_time_ms: number; embedding_model: string };
}
