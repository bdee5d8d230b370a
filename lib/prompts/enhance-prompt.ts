import { insertPatternEvent, insertPatternUsage, listPatternCodeByIds, type JwtClaims, type Queryable } from "@/lib/db";
import type { EmbeddingProvider } from "@/lib/embed";
import { requireWriter, resolveProject } from "@/lib/projects";
import { matchPatterns } from "@/lib/search";
import type { MatchedPattern } from "@/lib/domain";
import { estimateTokens } from "./estimate-tokens";
import { fitPatternCard, type PatternCard } from "./render-pattern-card";

/** What a caller asks prompt enhancement for. */
export interface EnhanceRequest {
  project?: string;
  prompt: string;
  task?: string;
  limit: number;
  min_success_rate?: number;
  min_quality_score?: number;
  token_budget: number;
}

/** One pattern placed in the prompt, with the pending usage that awaits its outcome. */
export interface EnhancedPattern {
  pattern_id: string;
  name: string;
  kind: string | null;
  pattern_type: string;
  confidence_score: number;
  final_score: number;
  success_rate: number | null;
  quality_score: number | null;
  usage_id: string;
  tokens: number;
  code_lines: number;
  code_trimmed: boolean;
}

/** The enhanced prompt and what went into it. */
export interface EnhanceResult {
  enhanced_prompt: string;
  patterns: EnhancedPattern[];
  usage_ids: string[];
  /** Estimated tokens added to the prompt (never above token_budget). */
  tokens_used: number;
  token_budget: number;
  /** The match's verdict: "no strong match: …" when nothing was strong enough to add. */
  summary: string;
  query_metadata: { query_time_ms: number; embedding_model: string };
}

const sectionHeader =
  "\n\n## Patterns from this codebase\nThis team already solves similar problems this way; follow these patterns where they fit.";
const separator = "\n\n";

function placeCards(candidates: { pattern: MatchedPattern; code: string; language: string | null }[], request: EnhanceRequest) {
  const placed: { pattern: MatchedPattern; card: PatternCard }[] = [];
  // Each piece is estimated on its own and summed: ceil(a) + ceil(b) >= ceil(a + b), so the
  // sum bounds the estimate of the whole section from above.
  let used = estimateTokens(sectionHeader);
  for (const candidate of candidates) {
    if (placed.length >= request.limit) break;
    const remaining = request.token_budget - used - estimateTokens(separator);
    const card = fitPatternCard({ position: placed.length + 1, ...candidate }, remaining);
    if (!card) continue;
    placed.push({ pattern: candidate.pattern, card });
    used += estimateTokens(separator) + card.tokens;
  }
  return placed;
}

/**
 * Enhances a prompt with the project's strong matches for it (never a weak one, lib/search
 * matchStrength): matches prompt and task as the
 * intent, renders compact cards (name, kind, one-line description, trimmed code, where it is
 * used, success rate) within the token budget, and records a pending usage per included
 * pattern so that a later outcome (PATCH .../usage/{usage_id}) closes the loop. Admins and
 * members only: viewers cannot record usage.
 */
export async function enhancePrompt({
  transaction,
  claims,
  request,
  embedder,
}: {
  transaction: Queryable;
  claims: JwtClaims;
  request: EnhanceRequest;
  embedder: EmbeddingProvider;
}): Promise<EnhanceResult> {
  const project = await resolveProject({ transaction, claims, reference: request.project });
  requireWriter(project.role, "enhance prompts (it records pending usage); use /api/v1/patterns/match to read");
  const intent = [request.task, request.prompt].filter((part) => part?.trim()).join("\n").slice(0, 2000);
  const match = await matchPatterns({
    transaction,
    projectId: project.id,
    embedder,
    request: {
      intent,
      limit: Math.min(100, request.limit * 2),
      filters: { min_success_rate: request.min_success_rate, min_quality_score: request.min_quality_score },
    },
  });
  const strong = match.matched_patterns.filter((pattern) => pattern.strength === "strong");
  const codes = await listPatternCodeByIds({ transaction, patternIds: strong.map((pattern) => pattern.pattern_id) });
  // Only strong matches are added: a weak one would teach the agent a pattern that does not fit.
  const candidates = strong
    .filter((pattern) => codes.has(pattern.pattern_id))
    .map((pattern) => ({ pattern, ...codes.get(pattern.pattern_id)! }));
  const placed = placeCards(candidates, request);
  const patterns = await recordPendingUsage(transaction, project.id, placed, request);
  const section = placed.length > 0 ? [sectionHeader, ...placed.map(({ card }) => card.text)].join(separator) : "";
  return {
    enhanced_prompt: request.prompt + section,
    patterns,
    usage_ids: patterns.map((pattern) => pattern.usage_id),
    tokens_used: estimateTokens(section),
    token_budget: request.token_budget,
    summary: match.summary,
    query_metadata: match.query_metadata,
  };
}

async function recordPendingUsage(
  transaction: Queryable,
  projectId: string,
  placed: { pattern: MatchedPattern; card: PatternCard }[],
  request: EnhanceRequest,
): Promise<EnhancedPattern[]> {
  const patterns: EnhancedPattern[] = [];
  for (const [index, { pattern, card }] of placed.entries()) {
    const usage = await insertPatternUsage({
      transaction,
      values: {
        projectId, patternId: pattern.pattern_id, sessionId: null, task: request.task ?? "", outcome: "pending",
        rating: null, effectiveness: null, feedback: null,
        context: { source: "prompt_enhancement", position: index + 1, prompt_excerpt: request.prompt.slice(0, 200) },
      },
    });
    await insertPatternEvent({
      transaction, projectId, patternId: pattern.pattern_id, eventType: "pattern.suggested",
      eventData: { usage_id: usage.id, source: "prompt_enhancement", position: index + 1 },
    });
    patterns.push({
      pattern_id: pattern.pattern_id, name: pattern.name, kind: pattern.kind, pattern_type: pattern.pattern_type,
      confidence_score: pattern.confidence_score, final_score: pattern.metadata.ranking.final_score,
      success_rate: pattern.metadata.success_rate, quality_score: pattern.metadata.quality_score,
      usage_id: usage.id, tokens: card.tokens, code_lines: card.codeLines, code_trimmed: card.codeTrimmed,
    });
  }
  return patterns;
}
