import { z } from "zod";
import { patternKindSchema, patternLanguageSchema, patternStatusSchema, patternTypeSchema, projectReferenceSchema, tagSchema } from "../schema";

const list = <Item extends z.ZodType>(item: Item) => z.array(item).min(1, "must name at least one value").max(50).optional();

/** DESIGN §5 match filters. */
export const matchFiltersSchema = z
  .object({
    pattern_types: list(patternTypeSchema),
    kinds: list(patternKindSchema),
    statuses: list(patternStatusSchema).describe("default: active only"),
    tags: list(tagSchema).describe("patterns having any of these tags"),
    languages: list(patternLanguageSchema),
    min_quality_score: z.number().min(0).max(1).optional(),
    min_success_rate: z.number().min(0).max(1).optional().describe("patterns without a recorded outcome do not pass"),
  })
  .strict();

/** POST /api/v1/patterns/match body. */
export const matchSchema = z
  .object({
    project: projectReferenceSchema.optional().describe("project slug or id; defaults to an API key's own project"),
    intent: z.string().trim().min(1, "is required").max(2000, "must be at most 2000 characters"),
    context: z.string().max(20_000, "must be at most 20000 characters").optional(),
    requirements: z
      .union([z.string().trim().min(1).max(500), z.array(z.string().trim().min(1).max(500)).max(20)])
      .transform((value) => [value].flat())
      .optional(),
    filters: matchFiltersSchema.optional(),
    limit: z.number().int("must be a whole number").min(1, "must be at least 1").max(100, "must be at most 100").default(5),
    min_confidence: z.number().min(0).max(1).optional().describe("least cosine similarity to the query, 0-1"),
  })
  .strict();

/** A valid match body. */
export type MatchBody = z.infer<typeof matchSchema>;
