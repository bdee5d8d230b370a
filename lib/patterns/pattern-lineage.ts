import { listLineageByPatternId, type Queryable } from "@/lib/db";
import { toPatternView, type PatternView } from "./pattern-view";
import { requirePattern } from "./require-pattern";

/** Every version of a pattern, oldest first, from any of its versions (404 if hidden). */
export async function getPatternLineage({
  transaction,
  patternId,
}: {
  transaction: Queryable;
  patternId: string;
}): Promise<PatternView[]> {
  await requirePattern({ transaction, patternId });
  const versions = await listLineageByPatternId({ transaction, patternId });
  return versions.map((version) => toPatternView(version));
}
