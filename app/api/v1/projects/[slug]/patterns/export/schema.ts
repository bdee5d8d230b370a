import { z } from "zod";
import { patternSortFields } from "@/lib/db";
import {
  patternKindSchema,
  patternLanguageSchema,
  patternStatusSchema,
  patternTypeSchema,
  tagSchema,
} from "@/app/api/v1/patterns/schema";

// The same list parameters as GET /api/v1/patterns: "a,b" or repeated (?kinds=a&kinds=b).
function listParameter<Item extends z.ZodType<string, string>>(item: Item) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((value) => [value].flat().flatMap((part) => part.split(",")).map((part) => part.trim()).filter(Boolean))
    .pipe(z.array(item).max(50))
    .optional();
}

/**
 * GET /api/v1/projects/[slug]/patterns/export query: the patterns table's filters and order
 * (the list API's names, plus `max_quality_score`), and the format.
 */
export const exportQuerySchema = z
  .object({
    format: z.enum(["csv", "json"]).default("csv"),
    pattern_types: listParameter(patternTypeSchema),
    kinds: listParameter(patternKindSchema),
    statuses: listParameter(patternStatusSchema).describe("default: active and pending"),
    tags: listParameter(tagSchema),
    languages: listParameter(patternLanguageSchema),
    min_quality_score: z.coerce.number().min(0).max(1).optional(),
    max_quality_score: z.coerce.number().min(0).max(1).optional(),
    min_success_rate: z.coerce.number().min(0).max(1).optional(),
    q: z.string().trim().min(1).max(500).optional(),
    sort: z.enum(patternSortFields).default("quality_score"),
    order: z.enum(["asc", "desc"]).default("desc"),
  })
  .refine((query) => (query.min_quality_score ?? 0) <= (query.max_quality_score ?? 1), {
    message: "min_quality_score must not be above max_quality_score",
    path: ["min_quality_score"],
  });

/** A valid export query. */
export type ExportQuery = z.infer<typeof exportQuerySchema>;
