import { z } from "zod";
import { patternFilterQueryFields, patternListLimits, projectReferenceSchema } from "@/lib/domain";

export { createPatternSchema, type CreatePatternBody } from "@/lib/domain";

const limitMessage = `must be between 1 and ${patternListLimits.max}`;

/** GET /api/v1/patterns query: filters, order and page. */
export const listPatternsQuerySchema = z.object({
  project: projectReferenceSchema.optional(),
  ...patternFilterQueryFields,
  cursor: z.string().min(1).max(2000).optional().describe("next_cursor of the previous page"),
  limit: z.coerce.number().int().min(1, limitMessage).max(patternListLimits.max, limitMessage).default(patternListLimits.default),
});

/** A valid list-patterns query. */
export type ListPatternsQuery = z.infer<typeof listPatternsQuerySchema>;
