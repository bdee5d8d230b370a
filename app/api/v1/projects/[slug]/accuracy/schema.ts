import { z } from "zod";

/** GET /api/v1/projects/[slug]/accuracy query: how many weeks of verdicts, this week included. */
export const accuracyQuerySchema = z.object({
  weeks: z.coerce.number().int().min(1, "must be between 1 and 104").max(104, "must be between 1 and 104").default(12),
});
