import { z } from "zod";
import { projectRoleSchema } from "@/lib/domain";

/** POST /api/v1/projects/[slug]/api-keys body: a label and the role the key acts with. */
export const createApiKeySchema = z.object({
  name: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"),
  role: projectRoleSchema.default("member"),
});

/** A valid create-API-key body. */
export type CreateApiKeyBody = z.infer<typeof createApiKeySchema>;
