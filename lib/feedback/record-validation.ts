import { insertPatternEvent, insertPatternValidation, type Queryable, type ValidationRow } from "@/lib/db";
import { requirePattern } from "@/lib/patterns";
import { requireWriter } from "@/lib/projects";
import { alertOnKindAccuracy } from "./accuracy";

/** A person's or agent's verdict on a pattern. */
export interface ValidationInput {
  verdict: "confirm" | "contradict";
  evidence: Record<string, unknown>;
  comment?: string;
}

/**
 * Confirms or contradicts a pattern (admins and members). The trigger on pattern_validations
 * moves validation_count (confirmations) or contradiction_count atomically. A verdict may
 * move the accuracy of the pattern's kind across the threshold: the feed then says so.
 */
export async function recordPatternValidation({
  transaction,
  patternId,
  input,
}: {
  transaction: Queryable;
  patternId: string;
  input: ValidationInput;
}): Promise<{ validation: ValidationRow; pattern: { validation_count: number; contradiction_count: number } }> {
  const pattern = await requirePattern({ transaction, patternId });
  requireWriter(pattern.caller_role, "validate patterns");
  const validation = await insertPatternValidation({
    transaction,
    projectId: pattern.project_id,
    patternId,
    verdict: input.verdict === "confirm" ? "validated" : "contradicted",
    evidence: input.evidence,
    comment: input.comment ?? null,
  });
  await insertPatternEvent({
    transaction,
    projectId: pattern.project_id,
    patternId,
    eventType: input.verdict === "confirm" ? "pattern.confirmed" : "pattern.contradicted",
    eventData: { validation_id: validation.id },
  });
  // A verdict naming a relationship judges that edge, not the pattern's kind.
  if (pattern.kind && !("relationship_type" in input.evidence)) await alertOnKindAccuracy({ transaction, projectId: pattern.project_id, kind: pattern.kind });
  const after = await requirePattern({ transaction, patternId });
  return { validation, pattern: { validation_count: after.validation_count, contradiction_count: after.contradiction_count } };
}
