import { z } from "zod";
import { patternSortFields } from "@/lib/db";
import { textLimits } from "@/lib/domain/text-limits";
import { designPatternKinds } from "@/lib/extract";

/** The four pattern types of DESIGN §3. */
export const patternTypeSchema = z.enum(["function_pattern", "class_pattern", "design_pattern", "interaction_pattern"]);

/** A design-pattern kind of DESIGN §4. */
export const patternKindSchema = z.enum(designPatternKinds);

/** A pattern version's lifecycle state. */
export const patternStatusSchema = z.enum(["pending", "active", "deprecated", "archived"]);

/** The languages Motif extracts. */
export const patternLanguageSchema = z.enum(["python", "typescript", "tsx", "javascript"]);

/** A tag: lowercase words joined by underscores or dashes, as extraction writes them. */
export const tagSchema = z.string().trim().min(1).max(64).regex(/^[a-z0-9][a-z0-9_:.-]*$/, "must be lowercase letters, digits, _ : . or -");

/** A project named by slug or id. */
export const projectReferenceSchema = z.string().trim().min(1).max(100).describe("project slug or id");

/** A pattern's free-form `content`: a JSON object of at most `textLimits.patternContentBytes`. */
export const patternContentSchema = z
  .record(z.string(), z.unknown())
  .refine((content) => Buffer.byteLength(JSON.stringify(content)) <= textLimits.patternContentBytes, {
    message: `must be at most ${textLimits.patternContentBytes / 1024} KB of JSON`,
  });

/** POST /api/v1/patterns body: a pattern written down by hand. */
export const createPatternSchema = z.object({
  project: projectReferenceSchema.optional().describe("project slug or id; defaults to an API key's own project"),
  pattern_type: patternTypeSchema.default("function_pattern"),
  kind: patternKindSchema.nullable().optional(),
  name: z.string().trim().min(1, "is required").max(300, "must be at most 300 characters"),
  description: z.string().trim().max(10_000, "must be at most 10000 characters").default(""),
  language: patternLanguageSchema.nullable().optional(),
  framework: z.string().trim().min(1).max(100).nullable().optional(),
  code: z.string().min(1, "is required").max(200_000, "must be at most 200000 characters"),
  tags: z.array(tagSchema).max(50).default([]),
  dependencies: z.array(z.string().trim().min(1).max(300)).max(200).default([]),
  content: patternContentSchema.default({}),
  status: z.enum(["pending", "active"]).default("active"),
});

/** A valid create-pattern body. */
export type CreatePatternBody = z.infer<typeof createPatternSchema>;

// A list parameter arrives once ("a,b") or repeated (?tags=a&tags=b); both mean a list.
function listParameter<Item extends z.ZodType>(item: Item) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((value) => [value].flat().flatMap((part) => part.split(",")).map((part) => part.trim()).filter(Boolean))
    .pipe(z.array(item).max(50) as unknown as z.ZodType<z.infer<Item>[], string[]>)
    .optional();
}

/** GET /api/v1/patterns query: filters, order and page. */
export const listPatternsQuerySchema = z.object({
  project: projectReferenceSchema.optional(),
  pattern_types: listParameter(patternTypeSchema),
  kinds: listParameter(patternKindSchema),
  statuses: listParameter(patternStatusSchema).describe("default: active and pending"),
  tags: listParameter(tagSchema).describe("patterns having any of these tags"),
  languages: listParameter(patternLanguageSchema),
  min_quality_score: z.coerce.number().min(0).max(1).optional(),
  max_quality_score: z.coerce.number().min(0).max(1).optional(),
  min_success_rate: z.coerce.number().min(0).max(1).optional(),
  q: z.string().trim().min(1).max(500).optional().describe("full-text search (websearch syntax)"),
  sort: z.enum(patternSortFields).default("quality_score"),
  order: z.enum(["asc", "desc"]).default("desc"),
  cursor: z.string().min(1).max(2000).optional().describe("next_cursor of the previous page"),
  limit: z.coerce.number().int().min(1, "must be between 1 and 100").max(100, "must be between 1 and 100").default(20),
});

/** A valid list-patterns query. */
export type ListPatternsQuery = z.infer<typeof listPatternsQuerySchema>;
