import { z } from "zod";
import { usageOutcomeSchema } from "@/lib/domain";

/** A rating of how well a pattern served, 1 (poorly) to 5 (very well). */
export const ratingSchema = z.number().int("must be a whole number").min(1, "must be 1 to 5").max(5, "must be 1 to 5");

/** How effective the pattern was, 0 to 1. */
export const effectivenessSchema = z.number().min(0, "must be between 0 and 1").max(1, "must be between 0 and 1");

/** POST /api/v1/patterns/{id}/usage body. */
export const recordUsageSchema = z.object({
  session_id: z.uuid("must be the id (uuid) of a session of this project").optional(),
  task_id: z.string().trim().max(500, "must be at most 500 characters").optional(),
  outcome: usageOutcomeSchema,
  rating: ratingSchema.optional(),
  effectiveness: effectivenessSchema.optional(),
  feedback: z.string().trim().max(5000).optional(),
  context: z.record(z.string(), z.unknown()).default({}),
});

/** A valid usage report. */
export type RecordUsageBody = z.infer<typeof recordUsageSchema>;

/** GET /api/v1/patterns/{id}/usage query: how many days back, today included. */
export const usageQuerySchema = z.object({
  days: z.coerce.number().int().min(1, "must be between 1 and 365").max(365, "must be between 1 and 365").default(30),
});
