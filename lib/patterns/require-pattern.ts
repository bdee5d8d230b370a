import { getPatternById, type PatternRow, type Queryable } from "@/lib/db";
import { MotifError } from "@/lib/errors";

/**
 * The pattern with this id as the caller sees it; a 404 when it does not exist or RLS hides
 * it (another project's pattern looks exactly like a missing one). `forUpdate` then locks the
 * row for callers who may write it; a reader's FOR UPDATE would find nothing (RLS applies the
 * update policy to locking reads), which must read as "not allowed", not "not found".
 */
export async function requirePattern({
  transaction,
  patternId,
  forUpdate = false,
}: {
  transaction: Queryable;
  patternId: string;
  forUpdate?: boolean;
}): Promise<PatternRow> {
  const pattern = await getPatternById({ transaction, patternId });
  if (!pattern) throw new MotifError("not_found:resource", `pattern ${patternId} not found`);
  if (!forUpdate || (pattern.caller_role !== "admin" && pattern.caller_role !== "member")) return pattern;
  // Re-read under the lock: a concurrent change committed meanwhile is what we must build on.
  return (await getPatternById({ transaction, patternId, forUpdate: true })) ?? pattern;
}
