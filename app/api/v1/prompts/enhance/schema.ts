import { z } from "zod";
import { projectReferenceSchema } from "@/lib/domain";

/** POST /api/v1/prompts/enhance body. */
export const enhancePromptSchema = z
  .object({
    project: projectReferenceSchema.optional().describe("project slug or id; defaults to an API key's own project"),
    prompt: z.string().trim().min(1, "is required").max(50_000, "must be at most 50000 characters"),
    task: z.string().trim().max(2000, "must be at most 2000 characters").optional().describe("what the prompt is for; matched with it"),
    limit: z.number().int("must be a whole number").min(1, "must be between 1 and 20").max(20, "must be between 1 and 20").default(5),
    min_success_rate: z.number().min(0).max(1).optional(),
    min_quality_score: z.number().min(0).max(1).optional(),
    token_budget: z
      .number()
      .int("must be a whole number")
      .min(50, "must be between 50 and 100000")
      .max(100_000, "must be between 50 and 100000")
      .describe("estimated tokens (characters / 4) the pattern cards may add"),
  })
  .strict();

/** A valid enhance body. */
export type EnhancePromptBody = z.infer<typeof enhancePromptSchema>;
