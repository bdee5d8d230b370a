import type { OccurrenceRow, PatternRow, RelationshipRow } from "@/lib/db";

/** A pattern as the API returns it: its columns, with the quality score and its parts together. */
export type PatternView = Omit<
  PatternRow,
  | "caller_role"
  | "rating_count"
  | "quality_score"
  | "complexity_score"
  | "documentation_score"
  | "test_coverage_score"
  | "reusability_score"
  | "maintainability_score"
  | "code"
> & {
  /** Left out of list pages: fetch one pattern for its code. */
  code?: string;
  quality_score: number | null;
  quality: {
    score: number | null;
    complexity: number | null;
    documentation: number | null;
    test_coverage: number | null;
    reusability: number | null;
    maintainability: number | null;
  };
  rating_count: number;
};

/** A pattern with where it stands in code and how it relates to others (GET /patterns/{id}). */
export type PatternDetails = PatternView & {
  occurrences: OccurrenceRow[];
  relationships: RelationshipRow[];
};

/** Shapes a stored row for the API. List pages leave the code out (`includeCode: false`). */
export function toPatternView(row: PatternRow, options: { includeCode?: boolean } = {}): PatternView {
  const {
    caller_role: _role,
    complexity_score,
    documentation_score,
    test_coverage_score,
    reusability_score,
    maintainability_score,
    code,
    ...rest
  } = row;
  const view: PatternView = {
    ...rest,
    ...(options.includeCode === false ? {} : { code }),
    quality: {
      score: row.quality_score,
      complexity: complexity_score,
      documentation: documentation_score,
      test_coverage: test_coverage_score,
      reusability: reusability_score,
      maintainability: maintainability_score,
    },
  };
  return view;
}
