import { z } from "zod";
import { jobStatusSchema, jobStatuses } from "@/lib/domain";

/** GET /api/v1/projects/[slug]/jobs query: `status` one or more, comma-separated; `limit` 1–100 (default 20). */
export const listJobsQuerySchema = z.object({
  status: z
    .string()
    .transform((value) => value.split(",").map((part) => part.trim()).filter(Boolean))
    .pipe(z.array(jobStatusSchema).min(1))
    .optional()
    .describe(`only jobs in these statuses, comma-separated (${jobStatuses.join(", ")})`),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** POST /api/v1/projects/[slug]/jobs body: the job to queue. Re-embedding is the one a caller can ask for. */
export const createJobSchema = z.object({
  job_type: z.literal("reembed").describe("reembed: embed again, with the configured provider, every pattern another model embedded"),
});

/** The route params of GET /api/v1/projects/[slug]/jobs/[jobId]. */
export const jobParamsSchema = z.object({ slug: z.string(), jobId: z.uuid("must be a job id (uuid)") });
