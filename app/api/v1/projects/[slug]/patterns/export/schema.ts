import { z } from "zod";
import { exportFormats, patternFilterQueryFields } from "@/lib/domain";

/**
 * GET /api/v1/projects/[slug]/patterns/export query: the patterns table's filters and order
 * (the list API's names, plus `max_quality_score`), and the format.
 */
export const exportQuerySchema = z
  .object({
    format: z.enum(exportFormats).default("csv"),
    ...patternFilterQueryFields,
  })
  .refine((query) => (query.min_quality_score ?? 0) <= (query.max_quality_score ?? 1), {
    message: "min_quality_score must not be above max_quality_score",
    path: ["min_quality_score"],
  });

/** A valid export query. */
export type ExportQuery = z.infer<typeof exportQuerySchema>;
