import { z } from "zod";

/** GET …/patterns/occurrence-counts query: the pattern ids of one table page. */
export const occurrenceCountsQuerySchema = z.object({
  ids: z
    .union([z.string(), z.array(z.string())])
    .transform((value) => [value].flat().flatMap((part) => part.split(",")).map((part) => part.trim()).filter(Boolean))
    .pipe(z.array(z.uuid("must be pattern ids (uuid)")).min(1, "name at least one pattern").max(100, "at most 100 patterns")),
});
