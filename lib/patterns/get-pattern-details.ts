import { listOccurrencesByPatternIds, listRelationshipsByPatternId, type Queryable } from "@/lib/db";
import { toPatternView, type PatternDetails } from "./pattern-view";
import { requirePattern } from "./require-pattern";

/** One pattern with its occurrences, its relationships and its quality parts (404 if hidden). */
export async function getPatternDetails({
  transaction,
  patternId,
}: {
  transaction: Queryable;
  patternId: string;
}): Promise<PatternDetails> {
  const pattern = await requirePattern({ transaction, patternId });
  const occurrences = await listOccurrencesByPatternIds({ transaction, patternIds: [patternId] });
  const relationships = await listRelationshipsByPatternId({ transaction, patternId });
  return {
    ...toPatternView(pattern),
    occurrences: occurrences.map(({ pattern_id: _patternId, ...occurrence }) => occurrence),
    relationships,
  };
}
