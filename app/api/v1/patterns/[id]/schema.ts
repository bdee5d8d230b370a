import { z } from "zod";

export { updatePatternSchema, type UpdatePatternBody } from "@/lib/domain";

/** The dynamic segment naming one pattern version. */
export const patternParamsSchema = z.object({ id: z.uuid("must be a pattern id (uuid)") });

/** DELETE /api/v1/patterns/{id} query: `hard=true` deletes for good (admins) instead of archiving. */
export const deletePatternQuerySchema = z.object({
  hard: z.enum(["true", "false"]).default("false").transform((value) => value === "true"),
});
