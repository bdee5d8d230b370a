import { z } from "zod";
import { closingUsageOutcomes } from "@/lib/domain";
import { effectivenessSchema, ratingSchema } from "../schema";

/** The dynamic segments naming one usage of one pattern. */
export const usageParamsSchema = z.object({
  id: z.uuid("must be a pattern id (uuid)"),
  usageId: z.uuid("must be a usage id (uuid)"),
});

/** PATCH /api/v1/patterns/{id}/usage/{usageId} body: the final outcome of a pending usage. */
export const closeUsageSchema = z.object({
  outcome: z.enum(closingUsageOutcomes),
  rating: ratingSchema.optional(),
  effectiveness: effectivenessSchema.optional(),
  feedback: z.string().trim().max(5000).optional(),
});

/** A valid usage closing. */
export type CloseUsageBody = z.infer<typeof closeUsageSchema>;
