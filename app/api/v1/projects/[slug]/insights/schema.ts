import { z } from "zod";

/** GET /api/v1/projects/[slug]/insights query: how many days of usage trend, today included. */
export const insightsQuerySchema = z.object({
  days: z.coerce.number().int().min(7, "must be between 7 and 365").max(365, "must be between 7 and 365").default(30),
});
