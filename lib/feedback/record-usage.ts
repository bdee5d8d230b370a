import { getPatternById, insertPatternEvent, insertPatternUsage, type Queryable, type UsageRow } from "@/lib/db";
import type { PatternCounters, UsageOutcome } from "@/lib/domain";
import { MotifError } from "@/lib/errors";
import { requirePattern } from "@/lib/patterns";
import { requireWriter } from "@/lib/projects";

export type { PatternCounters };

/** A usage report as the API receives it. */
export interface UsageReport {
  session_id?: string;
  task_id?: string;
  outcome: UsageOutcome;
  rating?: number;
  effectiveness?: number;
  feedback?: string;
  context: Record<string, unknown>;
}

/** The counters of a pattern as they stand now in this transaction. */
export async function readPatternCounters(transaction: Queryable, patternId: string): Promise<PatternCounters> {
  const pattern = await getPatternById({ transaction, patternId });
  if (!pattern) throw new MotifError("not_found:resource", `pattern ${patternId} not found`);
  const { usage_count, success_count, failure_count, success_rate, avg_rating, last_used_at } = pattern;
  return { usage_count, success_count, failure_count, success_rate, avg_rating, last_used_at };
}

/**
 * Records that a pattern was used and how it went. Viewers may not report (the schema lets
 * only admins and members write usage): a 403 explains it. The counters move in the same
 * statement through the pattern_usage trigger, so concurrent reports never lose an update.
 */
export async function recordPatternUsage({
  transaction,
  patternId,
  report,
}: {
  transaction: Queryable;
  patternId: string;
  report: UsageReport;
}): Promise<{ usage: UsageRow; pattern: PatternCounters }> {
  const pattern = await requirePattern({ transaction, patternId });
  requireWriter(pattern.caller_role, "report pattern usage");
  const usage = await insertPatternUsage({
    transaction,
    values: {
      projectId: pattern.project_id,
      patternId,
      sessionId: report.session_id ?? null,
      task: report.task_id ?? "",
      outcome: report.outcome,
      rating: report.rating ?? null,
      effectiveness: report.effectiveness ?? null,
      feedback: report.feedback ?? null,
      context: report.context,
    },
  });
  await insertPatternEvent({
    transaction,
    projectId: pattern.project_id,
    patternId,
    eventType: "pattern.used",
    eventData: { usage_id: usage.id, outcome: usage.outcome, rating: usage.rating },
  });
  return { usage, pattern: await readPatternCounters(transaction, patternId) };
}
