import { z } from "zod";

/** The session formats the analyzer reads. */
export const sessionFormats = ["claude_code_jsonl", "openai_messages", "unified_diff"] as const;

/** One of {@link sessionFormats}. */
export type SessionFormat = (typeof sessionFormats)[number];

/** How a session ended, as pattern feedback records it. */
export const sessionOutcomes = ["successful", "failed", "partial", "pending"] as const;

/** One of {@link sessionOutcomes}. */
export type SessionOutcome = (typeof sessionOutcomes)[number];

/** Largest transcript or diff the analyzer takes, in characters. */
export const maxSessionChars = 8 * 1024 * 1024;

/**
 * POST /api/v1/projects/{slug}/sessions body (and `motif session analyze`): a transcript (Claude
 * Code JSONL, OpenAI-format messages as JSON or JSONL), or a unified diff with the prompt that
 * asked for it.
 */
export const sessionAnalyzeRequestSchema = z
  .object({
    transcript: z.string().min(1).max(maxSessionChars).optional().describe("a Claude Code JSONL transcript or OpenAI-format messages (JSON array, {messages: [...]}, or JSONL)"),
    diff: z.string().min(1).max(maxSessionChars).optional().describe("a unified diff (git diff) of what the session changed"),
    prompt: z.string().min(1).max(100_000).optional().describe("the task the session was given; required with a diff"),
    title: z.string().max(200).optional(),
    source: z.string().min(1).max(100).optional().describe("who or what worked: an agent name, an editor, 'manual'"),
    compare_session_id: z.uuid("must be a session id (uuid)").optional().describe("a stored session of the same project to compare with"),
  })
  .strict()
  .refine((body) => (body.transcript === undefined) !== (body.diff === undefined), { message: "give either transcript or diff (not both)", path: ["transcript"] })
  .refine((body) => body.diff === undefined || body.prompt !== undefined, { message: "a diff needs the prompt that asked for it", path: ["prompt"] });

/** {@link sessionAnalyzeRequestSchema}'s type. */
export type SessionAnalyzeRequest = z.infer<typeof sessionAnalyzeRequestSchema>;

/** GET /api/v1/projects/{slug}/sessions query. */
export const listSessionsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** What a model answers when asked to judge a session (validated before it is stored). */
export const sessionJudgementSchema = z.object({
  outcome: z.enum(["successful", "failed", "partial"]).describe("did the session do what the prompt asked"),
  summary: z.string().trim().min(10).max(2000).describe("what the session did and how it went, in a few sentences"),
  pattern_ratings: z
    .array(z.object({ pattern_id: z.string(), rating: z.number().int().min(1).max(5), comment: z.string().max(500) }))
    .max(50)
    .describe("for each pattern the session used: how well it served, 1-5"),
});

/** {@link sessionJudgementSchema}'s type. */
export type SessionJudgement = z.infer<typeof sessionJudgementSchema>;

/** What the session's own agent spent, read from the transcript's usage fields. */
export interface SessionAgentUsage {
  models: string[];
  input_tokens: number;
  output_tokens: number;
  cache_read_tokens: number;
  cache_write_tokens: number;
  /** From the price table; null when a model of the session is not in it. */
  cost_usd: number | null;
}

/** What happened in a session, counted from the transcript or diff. */
export interface SessionActivity {
  messages: number;
  tool_calls: number;
  tool_errors: number;
  files_changed: string[];
  files_read: string[];
  lines_added: number;
  lines_removed: number;
  started_at: string | null;
  ended_at: string | null;
  duration_seconds: number | null;
}

/** A project pattern the session's code matches. */
export interface SessionPatternUse {
  pattern_id: string;
  name: string;
  kind: string | null;
  /**
   * fingerprint: the same structure; kind: the detectors find the pattern's design-pattern kind
   * in the code and the pattern is the nearest of that kind; embedding: very near in meaning.
   */
  matched_by: "fingerprint" | "kind" | "embedding";
  similarity: number;
  file: string;
  qualname: string;
  rating: number | null;
  comment: string | null;
}

/** A project pattern that fits the session's prompt but that its code does not use. */
export interface SessionPatternMiss {
  pattern_id: string;
  name: string;
  kind: string | null;
  confidence: number;
}

/** The stored report of an analysed session. */
export interface SessionReport {
  format: SessionFormat;
  prompt: string;
  agent: SessionAgentUsage;
  activity: SessionActivity;
  patterns_used: SessionPatternUse[];
  patterns_missed: SessionPatternMiss[];
  outcome: SessionOutcome;
  /** Who judged the outcome: a model, or nobody (no provider configured, or it failed). */
  judged_by: { provider: string; model: string } | null;
  judgement_summary: string | null;
  /** Why there is no judgement, when there is none. */
  judgement_note: string | null;
  markdown: string;
}

/** POST /api/operator/sessions body: `motif session analyze` while `motif serve` owns the data dir. */
export const operatorSessionSchema = z.object({ project: z.string().min(1).max(100) }).passthrough();

/** The route params of GET /api/v1/projects/{slug}/sessions/{sessionId}. */
export const sessionParamsSchema = z.object({ slug: z.string(), sessionId: z.uuid("must be a session id (uuid)") });
