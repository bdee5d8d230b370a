import { z } from "zod";
import { relationshipTypes } from "@/lib/domain";

/**
 * GET /api/v1/projects/[slug]/graph query: which relationship types, how many edges at most,
 * and optionally the pattern whose neighbourhood to draw (`focus`) and how many hops (`depth`).
 */
export const graphQuerySchema = z.object({
  types: z
    .union([z.string(), z.array(z.string())])
    .transform((value) => [value].flat().flatMap((part) => part.split(",")).map((part) => part.trim()).filter(Boolean))
    .pipe(z.array(z.enum(relationshipTypes)).min(1, "name at least one relationship type"))
    .default([...relationshipTypes]),
  limit: z.coerce.number().int().min(1, "must be between 1 and 2000").max(2000, "must be between 1 and 2000").default(500),
  focus: z.uuid("must be a pattern id").optional(),
  depth: z.coerce.number().int().min(1, "must be between 1 and 3").max(3, "must be between 1 and 3").default(1),
});
