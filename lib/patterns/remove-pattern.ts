import { hardDeletePatternById, insertPatternEvent, updatePatternFieldsById, type Queryable } from "@/lib/db";
import { MotifError } from "@/lib/errors";
import { toPatternView, type PatternView } from "./pattern-view";
import { requirePattern } from "./require-pattern";
import { requireWriter } from "@/lib/projects";

/**
 * DELETE of a pattern: archives it (admins; the schema's status rule refuses others), or,
 * when `hard` is asked for, deletes it with everything attached (admins only, 403 otherwise).
 */
export async function removePattern({
  transaction,
  patternId,
  hard,
}: {
  transaction: Queryable;
  patternId: string;
  hard: boolean;
}): Promise<{ deleted: true; hard: true } | { deleted: true; hard: false; pattern: PatternView }> {
  const pattern = await requirePattern({ transaction, patternId, forUpdate: true });
  if (hard) {
    if (pattern.caller_role !== "admin") {
      throw new MotifError("forbidden:auth", "only project admins can delete a pattern permanently; others can archive it");
    }
    await hardDeletePatternById({ transaction, patternId });
    return { deleted: true, hard: true };
  }
  requireWriter(pattern.caller_role, "archive patterns");
  if (pattern.status !== "archived") {
    await updatePatternFieldsById({ transaction, patternId, changes: { status: "archived" } });
    await insertPatternEvent({
      transaction,
      projectId: pattern.project_id,
      patternId,
      eventType: "pattern.archived",
      eventData: { name: pattern.name, version: pattern.version, previous_status: pattern.status },
    });
  }
  return { deleted: true, hard: false, pattern: toPatternView((await requirePattern({ transaction, patternId }))) };
}
