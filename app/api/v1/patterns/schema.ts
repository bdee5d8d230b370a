import { z } from "zod";
import { patternFilterQueryFields, patternListLimits, projectReferenceSchema } from "@/lib/domain";
import type { PatternPageRequest } from "@/lib/patterns";

export { createPatternSchema, type CreatePatternBody } from "@/lib/domain";

const limitMessage = `must be between 1 and ${patternListLimits.max}`;

/** GET /api/v1/patterns query: filters, order and page. */
export const listPatternsQuerySchema = z.object({
  project: projectReferenceSchema.optional(),
  ...patternFilterQueryFields,
  cursor: z.string().min(1).max(2000).optional().describe("next_cursor of the previous page"),
  page: z.coerce.number().int().min(1, "must be 1 or more").max(100_000).optional().describe("a numbered page (1-based), instead of cursor"),
  include_total: z.stringbool().default(false).describe("also count every pattern the filters match"),
  limit: z.coerce.number().int().min(1, limitMessage).max(patternListLimits.max, limitMessage).default(patternListLimits.default),
});

/** A cursor continues one listing; a page number starts one: not both. */
export const listPatternsQueryRefined = listPatternsQuerySchema.refine((query) => !(query.cursor && query.page), {
  message: "give either cursor or page, not both",
  path: ["page"],
});

/** A valid list-patterns query. */
export type ListPatternsQuery = z.infer<typeof listPatternsQuerySchema>;

/** A parsed list query as the list's own request: the query's snake_case names become the list's. */
export function toPatternPageRequest(parsed: ListPatternsQuery): PatternPageRequest {
  const { order, statuses, q, pattern_types, min_quality_score, max_quality_score, min_success_rate, include_total, ...query } = parsed;
  return {
    ...query,
    patternTypes: pattern_types,
    minQualityScore: min_quality_score,
    maxQualityScore: max_quality_score,
    minSuccessRate: min_success_rate,
    text: q,
    includeTotal: include_total,
    direction: order,
    statuses: statuses ?? ["active", "pending"],
  };
}
