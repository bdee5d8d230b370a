import { z } from "zod";
import { relationshipTypes } from "@/lib/domain";

/** GET /api/v1/projects/[slug]/graph query: which relationship types, and how many edges at most. */
export const graphQuerySchema = z.object({
  types: z
    .union([z.string(), z.array(z.string())])
    .transform((value) => [value].flat().flatMap((part) => part.split(",")).map((part) => part.trim()).filter(Boolean))
    .pipe(z.array(z.enum(relationshipTypes)).min(1, "name at least one relationship type"))
    .default([...relationshipTypes]),
  limit: z.coerce.number().int().min(1, "must be between 1 and 2000").max(2000, "must be between 1 and 2000").default(500),
});
