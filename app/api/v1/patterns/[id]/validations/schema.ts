import { z } from "zod";
import { validationVerdicts } from "@/lib/domain";

/** POST /api/v1/patterns/{id}/validations body: confirm or contradict the pattern. */
export const recordValidationSchema = z.object({
  verdict: z.enum(validationVerdicts),
  evidence: z.record(z.string(), z.unknown()).default({}).describe("what supports the verdict (test run, review, link)"),
  comment: z.string().trim().max(5000).optional(),
});

/** A valid validation. */
export type RecordValidationBody = z.infer<typeof recordValidationSchema>;
