import { z } from "zod";
import { patternContentSchema, patternKindSchema, patternStatusSchema, tagSchema } from "../schema";

/** The dynamic segment naming one pattern version. */
export const patternParamsSchema = z.object({ id: z.uuid("must be a pattern id (uuid)") });

/**
 * PATCH /api/v1/patterns/{id} body. Changing code or description makes a new version; the
 * other fields change in place.
 */
export const updatePatternSchema = z
  .object({
    name: z.string().trim().min(1, "is required").max(300, "must be at most 300 characters"),
    description: z.string().trim().max(10_000, "must be at most 10000 characters"),
    code: z.string().min(1, "must not be empty").max(200_000, "must be at most 200000 characters"),
    tags: z.array(tagSchema).max(50),
    status: patternStatusSchema,
    kind: patternKindSchema.nullable(),
    framework: z.string().trim().min(1).max(100).nullable(),
    dependencies: z.array(z.string().trim().min(1).max(300)).max(200),
    content: patternContentSchema,
  })
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: "name at least one field to change" });

/** A valid update-pattern body. */
export type UpdatePatternBody = z.infer<typeof updatePatternSchema>;

/** DELETE /api/v1/patterns/{id} query: `hard=true` deletes for good (admins) instead of archiving. */
export const deletePatternQuerySchema = z.object({
  hard: z.enum(["true", "false"]).default("false").transform((value) => value === "true"),
});
