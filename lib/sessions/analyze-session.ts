import {
  finishSessionById, getSessionById, insertPatternUsage, insertSession, listNearestPatterns,
  type Queryable, type SessionRow,
} from "@/lib/db";
import type { SessionAnalyzeRequest, SessionJudgement, SessionPatternMiss, SessionPatternUse, SessionReport } from "@/lib/domain";
import type { EmbeddingProvider } from "@/lib/embed";
import { MotifError } from "@/lib/errors";
import { noLlmProviderMessage, type LlmRouter, type LlmTaskResult, type PriceTable } from "@/lib/llm";
import { agentCostOf } from "./agent-cost";
import { findUsedPatterns } from "./find-used-patterns";
import { judgeTaskFor } from "./judge-task";
import { readSession } from "./read-session";
import { renderSessionComparison, renderSessionReport } from "./render-session-report";
import type { SessionTrace } from "./session-trace";

/** Runs database work for the analysis: in the caller's RLS (API), or as service_role (the local CLI). */
export type RunInTransaction = <T>(work: (transaction: Queryable) => Promise<T>) => Promise<T>;

/** Everything an analysis needs; the router's calls are recorded against the session. */
export interface SessionAnalysis {
  runAs: RunInTransaction;
  router: LlmRouter;
  embedder: EmbeddingProvider;
  prices: PriceTable;
  project: { id: string; slug: string };
  request: SessionAnalyzeRequest;
  /** Streams the model's judgement as it is written (someone watches). */
  onJudgementText?: (delta: string) => void;
}

/** A stored session and its report, with the comparison when one was asked for. */
export interface AnalysedSession {
  session: SessionRow;
  report: SessionReport;
  comparison: string | null;
}

// Patterns whose text is this near the task's are ones the session could have reached for.
const missedSimilarity = 0.4;

async function patternsForTask(analysis: SessionAnalysis, trace: SessionTrace, used: SessionPatternUse[]): Promise<SessionPatternMiss[]> {
  const [vector] = await analysis.embedder.embed([trace.prompt]);
  const nearest = await analysis.runAs((transaction) => listNearestPatterns({ transaction, projectId: analysis.project.id, vector: `[${Array.from(vector).join(",")}]`, limit: 5 }));
  const usedIds = new Set(used.map((use) => use.pattern_id));
  return nearest
    .filter((candidate) => candidate.similarity >= missedSimilarity && !usedIds.has(candidate.id))
    .slice(0, 3)
    .map((candidate) => ({ pattern_id: candidate.id, name: candidate.name, kind: candidate.kind, confidence: Math.round(candidate.similarity * 1000) / 1000 }));
}

async function judge(analysis: SessionAnalysis, trace: SessionTrace, used: SessionPatternUse[], sessionId: string): Promise<{ result?: LlmTaskResult<SessionJudgement>; note: string | null }> {
  if (!analysis.router.configured) return { note: noLlmProviderMessage };
  try {
    const result = await analysis.router.run(judgeTaskFor(trace, used, analysis.onJudgementText), { projectId: analysis.project.id, projectLabel: analysis.project.slug, sessionId });
    return { result, note: null };
  } catch (error) {
    // The rest of the report stands without a judgement; the reason is in it.
    if (error instanceof MotifError && (error.code === "unavailable:llm" || error.code === "not_configured:llm" || error.code === "budget_exceeded:llm")) return { note: error.message };
    throw error;
  }
}

function buildReport(trace: SessionTrace, prices: PriceTable, used: SessionPatternUse[], missed: SessionPatternMiss[], judged: Awaited<ReturnType<typeof judge>>): Omit<SessionReport, "markdown"> {
  const ratings = new Map((judged.result?.value.pattern_ratings ?? []).map((rating) => [rating.pattern_id, rating]));
  const seconds = trace.startedAt && trace.endedAt ? Math.round((Date.parse(trace.endedAt) - Date.parse(trace.startedAt)) / 1000) : null;
  return {
    format: trace.format,
    prompt: trace.prompt.slice(0, 4000),
    agent: { models: trace.models, input_tokens: trace.usage.inputTokens, output_tokens: trace.usage.outputTokens, cache_read_tokens: trace.usage.cacheReadTokens, cache_write_tokens: trace.usage.cacheWriteTokens, cost_usd: agentCostOf(trace, prices) },
    activity: {
      messages: trace.messages, tool_calls: trace.toolCalls, tool_errors: trace.toolErrors.length, files_changed: [...new Set(trace.written.map((write) => write.file))],
      files_read: [...new Set(trace.filesRead)], lines_added: trace.linesAdded, lines_removed: trace.linesRemoved, started_at: trace.startedAt, ended_at: trace.endedAt, duration_seconds: seconds,
    },
    patterns_used: used.map((use) => ({ ...use, rating: ratings.get(use.pattern_id)?.rating ?? null, comment: ratings.get(use.pattern_id)?.comment ?? null })),
    patterns_missed: missed,
    outcome: judged.result?.value.outcome ?? "pending",
    judged_by: judged.result ? { provider: judged.result.provider, model: judged.result.model } : null,
    judgement_summary: judged.result?.value.summary ?? null,
    judgement_note: judged.note,
  };
}

// Each pattern the session used is a usage report on it (the feedback counters move with it).
async function recordUsage(transaction: Queryable, projectId: string, sessionId: string, report: SessionReport): Promise<void> {
  for (const use of report.patterns_used) {
    await insertPatternUsage({
      transaction,
      values: {
        projectId, patternId: use.pattern_id, sessionId, task: report.prompt.slice(0, 200), outcome: report.outcome, rating: use.rating, effectiveness: null,
        feedback: use.comment, context: { source: "session_analysis", file: use.file, qualname: use.qualname, matched_by: use.matched_by, similarity: use.similarity },
      },
    });
  }
}

async function comparisonWith(analysis: SessionAnalysis, session: SessionRow, report: SessionReport): Promise<string | null> {
  const otherId = analysis.request.compare_session_id;
  if (!otherId) return null;
  const other = await analysis.runAs((transaction) => getSessionById({ transaction, projectId: analysis.project.id, sessionId: otherId }));
  if (!other?.report) throw new MotifError("not_found:resource", `compare_session_id: no analysed session ${otherId} in project ${analysis.project.slug}`);
  return renderSessionComparison({ title: session.title, report }, { title: other.title, report: other.report as unknown as SessionReport });
}

/**
 * Analyses a coding session: reads it (Claude Code JSONL, OpenAI-format messages, or a diff with
 * its prompt), stores it, finds the project's patterns its code uses and those that fit its task
 * but were not used, counts its tokens and cost, has the router judge its outcome and rate the
 * patterns (when a provider is configured; the report says why not otherwise), stores the
 * report with its Markdown and records each used pattern's usage with the outcome and rating.
 */
export async function analyzeSession(analysis: SessionAnalysis): Promise<AnalysedSession> {
  const trace = readSession(analysis.request);
  const title = analysis.request.title ?? trace.prompt.split("\n")[0].slice(0, 120);
  const source = analysis.request.source ?? { claude_code_jsonl: "claude-code", openai_messages: "openai", unified_diff: "diff" }[trace.format];
  const stored = await analysis.runAs((transaction) => insertSession({ transaction, projectId: analysis.project.id, title, source, content: { format: trace.format, prompt: trace.prompt.slice(0, 4000), models: trace.models } }));
  try {
    const used = await analysis.runAs((transaction) => findUsedPatterns({ transaction, projectId: analysis.project.id, written: trace.written, embedder: analysis.embedder }));
    const missed = await patternsForTask(analysis, trace, used);
    const partial = buildReport(trace, analysis.prices, used, missed, await judge(analysis, trace, used, stored.id));
    const report: SessionReport = { ...partial, markdown: renderSessionReport(title, partial) };
    const session = await analysis.runAs(async (transaction) => {
      const finished = await finishSessionById({ transaction, projectId: analysis.project.id, sessionId: stored.id, status: "analysed", report: { ...report }, summary: report.judgement_summary ?? `${report.outcome}: ${report.patterns_used.length} pattern(s) used`, startedAt: trace.startedAt, endedAt: trace.endedAt });
      await recordUsage(transaction, analysis.project.id, stored.id, report);
      return finished!;
    });
    return { session, report, comparison: await comparisonWith(analysis, session, report) };
  } catch (error) {
    await analysis.runAs((transaction) => finishSessionById({ transaction, projectId: analysis.project.id, sessionId: stored.id, status: "failed", error: (error as Error).message }));
    throw error;
  }
}
