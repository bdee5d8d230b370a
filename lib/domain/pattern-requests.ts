/**
 * The request shapes that write and list patterns: the fields a person writes (shared by
 * create and update) and the filters a list or an export is narrowed by.
 */
import { z } from "zod";
import { designPatternKindSchema, languageSchema, newPatternStatuses, patternSortFieldSchema, patternStatusSchema, patternTypeSchema, sortOrderSchema } from "./enums";
import { projectReferenceSchema, tagSchema } from "./fields";
import { textLimits } from "./text-limits";

/** Bounds of the list and export queries. */
export const patternListLimits = { default: 20, max: 100, filterValues: 50 } as const;

/** The fields of a pattern a person writes, each as its own schema. */
export const patternFieldSchemas = {
  name: z.string().trim().min(1, "is required").max(textLimits.patternName, `must be at most ${textLimits.patternName} characters`),
  description: z.string().trim().max(textLimits.patternDescription, `must be at most ${textLimits.patternDescription} characters`),
  code: z.string().min(1, "is required").max(textLimits.patternCode, `must be at most ${textLimits.patternCode} characters`),
  tags: z.array(tagSchema).max(50),
  kind: designPatternKindSchema.nullable(),
  framework: z.string().trim().min(1).max(100).nullable(),
  dependencies: z.array(z.string().trim().min(1).max(300)).max(200),
  // Bounded by its JSON's size, so that one pattern cannot make every list page heavy.
  content: z.record(z.string(), z.unknown()).refine(
    (content) => new TextEncoder().encode(JSON.stringify(content)).length <= textLimits.patternContentBytes,
    { message: `must be at most ${textLimits.patternContentBytes / 1024} KB of JSON` },
  ),
};

/** POST /api/v1/patterns body: a pattern written down by hand. */
export const createPatternSchema = z.object({
  project: projectReferenceSchema.optional().describe("project slug or id; defaults to an API key's own project"),
  pattern_type: patternTypeSchema.default("function_pattern"),
  kind: patternFieldSchemas.kind.optional(),
  name: patternFieldSchemas.name,
  description: patternFieldSchemas.description.default(""),
  language: languageSchema.nullable().optional(),
  framework: patternFieldSchemas.framework.optional(),
  code: patternFieldSchemas.code,
  tags: patternFieldSchemas.tags.default([]),
  dependencies: patternFieldSchemas.dependencies.default([]),
  content: patternFieldSchemas.content.default({}),
  status: z.enum(newPatternStatuses).default("active"),
});

/** A valid create-pattern body. */
export type CreatePatternBody = z.infer<typeof createPatternSchema>;

/**
 * PATCH /api/v1/patterns/{id} body. Changing code or description makes a new version; the
 * other fields change in place.
 */
export const updatePatternSchema = z
  .object({ ...patternFieldSchemas, status: patternStatusSchema })
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: "name at least one field to change" });

/** A valid update-pattern body. */
export type UpdatePatternBody = z.infer<typeof updatePatternSchema>;

/** A list query parameter: given once ("a,b") or repeated (?tags=a&tags=b), both mean a list. */
export function listParameter<Item extends z.ZodType>(item: Item) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((value) => [value].flat().flatMap((part) => part.split(",")).map((part) => part.trim()).filter(Boolean))
    .pipe(z.array(item).max(patternListLimits.filterValues) as unknown as z.ZodType<z.infer<Item>[], string[]>)
    .optional();
}

/** The filters and order of the pattern list, shared by `GET /api/v1/patterns` and the export. */
export const patternFilterQueryFields = {
  pattern_types: listParameter(patternTypeSchema),
  kinds: listParameter(designPatternKindSchema),
  statuses: listParameter(patternStatusSchema).describe("default: active and pending"),
  tags: listParameter(tagSchema).describe("patterns having any of these tags"),
  languages: listParameter(languageSchema),
  min_quality_score: z.coerce.number().min(0).max(1).optional(),
  max_quality_score: z.coerce.number().min(0).max(1).optional(),
  min_success_rate: z.coerce.number().min(0).max(1).optional(),
  q: z.string().trim().min(1).max(500).optional().describe("full-text search (websearch syntax)"),
  repositories: z
    .union([z.string(), z.array(z.string())])
    .transform((value) => [value].flat().flatMap((part) => part.split(",")).map((part) => part.trim()))
    .pipe(z.array(z.string().max(300)).max(patternListLimits.filterValues))
    .optional()
    .describe("patterns with a live occurrence in any of these repositories (an empty name is a project's unnamed checkout)"),
  recurring: z
    .stringbool()
    .optional()
    .describe("true: patterns whose shape recurs (≥ 2 occurrences, or called from ≥ 3 places); false: one-off units only"),
  sort: patternSortFieldSchema.default("prominence").describe("prominence: design patterns and recurring shapes first"),
  order: sortOrderSchema.default("desc"),
};
