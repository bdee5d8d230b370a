/**
 * The match contract (DESIGN §5), written once: the request's schema and limits, and the
 * answer's shape. `POST /api/v1/patterns/match`, `/api/operator/match`, `motif search`, the
 * OpenAPI document and lib/search all read it from here.
 */
import { z } from "zod";
import { designPatternKindSchema, languageSchema, patternStatusSchema, patternTypeSchema } from "./enums";
import { projectReferenceSchema, tagSchema } from "./fields";

/** Bounds and defaults of a match request. */
export const matchLimits = {
  /** Patterns returned when `limit` is not given. */
  default: 5,
  /** The most patterns one request may ask for. */
  max: 100,
  intentCharacters: 2000,
  contextCharacters: 20_000,
  requirementCharacters: 500,
  requirements: 20,
  /** Values in one filter list. */
  filterValues: 50,
} as const;

const filterList = <Item extends z.ZodType>(item: Item) =>
  z.array(item).min(1, "must name at least one value").max(matchLimits.filterValues).optional();

/** DESIGN §5 match filters. */
export const matchFiltersSchema = z
  .object({
    pattern_types: filterList(patternTypeSchema),
    kinds: filterList(designPatternKindSchema),
    statuses: filterList(patternStatusSchema).describe("default: active only"),
    tags: filterList(tagSchema).describe("patterns having any of these tags"),
    languages: filterList(languageSchema),
    min_quality_score: z.number().min(0).max(1).optional(),
    min_success_rate: z.number().min(0).max(1).optional().describe("patterns without a recorded outcome do not pass"),
  })
  .strict();

/** DESIGN §5 filters of a match, validated. */
export type MatchFilters = z.output<typeof matchFiltersSchema>;

/** How many patterns a match returns: a whole number from 1 to {@link matchLimits}.max. */
export const matchLimitSchema = z
  .number()
  .int("must be a whole number")
  .min(1, "must be at least 1")
  .max(matchLimits.max, `must be at most ${matchLimits.max}`);

/** The least cosine similarity of a returned pattern to the query, 0–1. */
export const minConfidenceSchema = z.number().min(0).max(1).describe("least cosine similarity to the query, 0-1");

const requirementSchema = z.string().trim().min(1).max(matchLimits.requirementCharacters);

/** A match request's body (`POST /api/v1/patterns/match`): the project, the intent and how to narrow it. */
export const matchRequestSchema = z
  .object({
    project: projectReferenceSchema.optional().describe("project slug or id; defaults to an API key's own project"),
    // What the caller wants to do, in their words.
    intent: z.string().trim().min(1, "is required").max(matchLimits.intentCharacters, `must be at most ${matchLimits.intentCharacters} characters`),
    // Surrounding code or prose; it shapes the embedding, not the keyword match.
    context: z.string().max(matchLimits.contextCharacters, `must be at most ${matchLimits.contextCharacters} characters`).optional(),
    // Must-haves ("async", "no dependencies"); they count as much as the intent.
    requirements: z
      .union([requirementSchema, z.array(requirementSchema).max(matchLimits.requirements)])
      .transform((value) => [value].flat())
      .optional(),
    filters: matchFiltersSchema.optional(),
    limit: matchLimitSchema.default(matchLimits.default),
    min_confidence: minConfidenceSchema.optional(),
  })
  .strict();

/** A valid match body, as the route receives it. */
export type MatchBody = z.output<typeof matchRequestSchema>;

/** A match request without its project, already validated; `limit` falls back to {@link matchLimits}.default. */
export type MatchRequest = Omit<MatchBody, "project" | "limit"> & Partial<Pick<MatchBody, "limit">>;

/** Where a matched pattern stands in code. */
export interface MatchOccurrence {
  /** The repository the path is in ("" for a project's single checkout). */
  repository: string;
  file_path: string;
  start_line: number;
  end_line: number;
  qualname: string | null;
}

/**
 * The parts of lib/search's re-rank of the first candidates, each weighted by the shipped model:
 * the SQL score against the first candidate's, 1/vector rank, 1/text rank, σ above the other
 * candidates, the share of the intent's words found, the share (weighed by rarity) found in the
 * name and description, being a method of a class, quality, for a class the same two shares
 * again (a class's text holds every member's words, so they count for less there), and the share
 * (weighed by rarity) found in the name of its file and folder (docs/search-quality.md).
 */
export const rerankPartNames = ["sql_score", "vector_rank", "text_rank", "similarity_z", "words_found", "described_words", "member", "quality", "class_words_found", "class_described_words", "file_words"] as const;
export type RerankPartName = (typeof rerankPartNames)[number];

/** How the final rank was made (see supabase/migrations/*_match_patterns.sql and lib/search rerankMatches). */
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
  /**
   * How many standard deviations the vector similarity stands above the query's first 50
   * vector candidates; null when there were too few to compare (a strong match needs it).
   */
  similarity_z: number | null;
  /** The intent's distinct words (stemmed, stop words left out) and how many of them the pattern holds. */
  intent_words: number;
  words_found: number;
  /** The result's place in the answer (1 = first). */
  position: number;
  /** Its place in match_patterns' order, before the re-rank. */
  sql_position: number;
  /** The re-rank score that orders the first candidates (the sum of rerank_parts); null past them (they keep the SQL order). */
  rerank_score: number | null;
  /** The re-ranker's chance that this is the right one of the candidates it re-ranked (e^score over their sum); null past them. */
  rerank_share: number | null;
  /** Each part's weighted share of rerank_score; null past the re-ranked candidates. */
  rerank_parts: Record<RerankPartName, number> | null;
}

/** Whether a result is a strong answer to the intent (lib/search matchStrength) or only the best there is. */
export const matchStrengths = ["strong", "weak"] as const;
export type MatchStrengthLevel = (typeof matchStrengths)[number];

/** One matched pattern, as DESIGN §5 shapes it. */
export interface MatchedPattern {
  pattern_id: string;
  pattern_type: string;
  kind: string | null;
  name: string;
  description: string;
  /** Cosine similarity of the pattern to the query, 0–1. */
  confidence_score: number;
  /** "strong" when it stands out from the other candidates and holds the intent's words; else "weak". */
  strength: MatchStrengthLevel;
  /** Why it is strong or weak, in words. */
  strength_reason: string;
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
  /** How many of `matched_patterns` are strong; 0 means "no strong match": treat the list as leads, not answers. */
  strong_matches: number;
  /** One line for people and agents: "2 strong matches" or "no strong match: …". */
  summary: string;
  query_metadata: {
    query_time_ms: number;
    embedding_model: string;
    /** Present when intent rewriting is switched on (MOTIF_SEARCH_REWRITE=llm): what it did. */
    rewrite?: IntentRewriteReport;
  };
}

/** How many words and identifiers a rewritten intent may carry, and how long its text may be. */
export const intentRewriteLimits = { text: 400, identifiers: 12, identifier: 80 } as const;

/** What the language model answers when asked to restate an intent in the code's words. */
export const intentRewriteSchema = z.object({
  code_words: z.string().max(intentRewriteLimits.text).describe("the intent restated in the words code and docstrings that do it would use"),
  identifiers: z.array(z.string().max(intentRewriteLimits.identifier)).max(intentRewriteLimits.identifiers)
    .describe("function, class or module names such code often has, e.g. retry_with_backoff, RetryPolicy"),
});
/** {@link intentRewriteSchema}'s type. */
export type IntentRewrite = z.infer<typeof intentRewriteSchema>;

/**
 * What intent rewriting did for one match: `used` with the text added to the intent (and who
 * wrote it, at what cost), or not used and why (no provider, budget spent, timed out, failed):
 * the match then ran on the intent as given.
 */
export interface IntentRewriteReport {
  used: boolean;
  /** The words added to the intent (code_words and identifiers), when used. */
  text: string | null;
  provider: string | null;
  model: string | null;
  cost_usd: number;
  /** Whether the answer came from this process' cache of earlier rewrites (no call made). */
  cached: boolean;
  /** Why it was not used. */
  reason: string | null;
}
