import { listPatternUsageByDay, type Queryable, type UsageDayRow } from "@/lib/db";
import { requirePattern } from "@/lib/patterns";

/** Usage of a pattern per UTC day over the last `days` days (today included), for charts. */
export async function getPatternUsageByDay({
  transaction,
  patternId,
  days,
}: {
  transaction: Queryable;
  patternId: string;
  days: number;
}): Promise<{ days: UsageDayRow[]; totals: Omit<UsageDayRow, "date"> }> {
  await requirePattern({ transaction, patternId });
  const rows = await listPatternUsageByDay({ transaction, patternId, days });
  const totals = { successful: 0, failed: 0, partial: 0, pending: 0, total: 0 };
  for (const row of rows) {
    for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += row[key];
  }
  return { days: rows, totals };
}
