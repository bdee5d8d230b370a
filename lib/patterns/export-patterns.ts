import { countOccurrencesByPatternIds, listPatterns, type PatternListQuery, type PatternQualityColumns, type Queryable } from "@/lib/db";
import type { PatternCounters } from "@/lib/domain";
import { MotifError } from "@/lib/errors";

/** The filters and order of an export: the patterns table's. */
export type PatternExportQuery = Omit<PatternListQuery, "after" | "limit">;

/** One exported pattern: what the table shows, and the quality parts behind its score. */
export interface ExportedPattern extends PatternQualityColumns, PatternCounters {
  [column: string]: string | number | null | readonly string[];
  id: string;
  name: string;
  pattern_type: string;
  kind: string | null;
  language: string | null;
  status: string;
  version: number;
  occurrences: number;
  tags: readonly string[];
  description: string;
  created_at: string;
  updated_at: string;
}

/** The columns of an export, in order. */
export const exportColumns = [
  "id", "name", "pattern_type", "kind", "language", "status", "version", "quality_score", "complexity_score",
  "documentation_score", "test_coverage_score", "reusability_score", "maintainability_score", "complexity",
  "occurrences", "usage_count", "success_count", "failure_count", "success_rate", "avg_rating", "last_used_at",
  "tags", "description", "created_at", "updated_at",
] as const satisfies readonly (keyof ExportedPattern)[];

const pageSize = 500;

function toExported(row: Awaited<ReturnType<typeof listPatterns>>[number], occurrences: number): ExportedPattern {
  const exported = { occurrences } as ExportedPattern;
  for (const column of exportColumns) if (column !== "occurrences") exported[column] = row[column] as never;
  // Timestamps arrive as Date from one driver and as text from the other; exports say ISO 8601.
  for (const column of ["last_used_at", "created_at", "updated_at"] as const) {
    const value = row[column] as unknown;
    exported[column] = (value instanceof Date ? value.toISOString() : value) as string;
  }
  return exported;
}

/**
 * Every pattern the caller may see that matches the query, in the query's order, walking the
 * list with keyset pages. Refuses (400) past `maxRows`, so one request cannot exhaust memory.
 */
export async function exportPatterns({
  transaction,
  query,
  maxRows,
}: {
  transaction: Queryable;
  query: PatternExportQuery;
  maxRows: number;
}): Promise<ExportedPattern[]> {
  const exported: ExportedPattern[] = [];
  let after: PatternListQuery["after"];
  for (;;) {
    const rows = await listPatterns({ transaction, query: { ...query, after, limit: pageSize } });
    const page = rows.slice(0, pageSize);
    const counts = await countOccurrencesByPatternIds({ transaction, patternIds: page.map((row) => row.id) });
    exported.push(...page.map((row) => toExported(row, counts[row.id])));
    if (exported.length > maxRows) {
      throw new MotifError("bad_request:input", `the export has more than ${maxRows} patterns: narrow the filters`);
    }
    const last = page.at(-1);
    if (rows.length <= pageSize || !last) return exported;
    after = { value: last.sort_value, id: last.id };
  }
}
