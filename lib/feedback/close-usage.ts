import { closePatternUsageById, getPatternUsageById, insertPatternEvent, type Queryable, type UsageRow } from "@/lib/db";
import { MotifError } from "@/lib/errors";
import { requirePattern } from "@/lib/patterns";
import { requireWriter } from "@/lib/projects";
import { readPatternCounters, type PatternCounters } from "./record-usage";

/** The final word on a pending usage. */
export interface UsageClosing {
  outcome: "successful" | "failed" | "partial";
  rating?: number;
  effectiveness?: number;
  feedback?: string;
}

/**
 * Closes a pending usage (one recorded by prompt enhancement, say) with its final outcome,
 * which then counts in the pattern's success rate. A usage that already has its final
 * outcome is a 409 (the schema refuses to change it).
 */
export async function closePatternUsage({
  transaction,
  patternId,
  usageId,
  closing,
}: {
  transaction: Queryable;
  patternId: string;
  usageId: string;
  closing: UsageClosing;
}): Promise<{ usage: UsageRow; pattern: PatternCounters }> {
  const pattern = await requirePattern({ transaction, patternId });
  const existing = await getPatternUsageById({ transaction, patternId, usageId });
  if (!existing) throw new MotifError("not_found:resource", `usage ${usageId} of pattern ${patternId} not found`);
  requireWriter(pattern.caller_role, "report pattern usage");
  const usage = await closePatternUsageById({ transaction, usageId, ...closing });
  if (!usage) throw new MotifError("forbidden:auth", "you are not allowed to change this usage");
  await insertPatternEvent({
    transaction,
    projectId: pattern.project_id,
    patternId,
    eventType: "pattern.usage_closed",
    eventData: { usage_id: usage.id, outcome: usage.outcome, rating: usage.rating },
  });
  return { usage, pattern: await readPatternCounters(transaction, patternId) };
}
