import { z } from "zod";

export { projectRoleSchema } from "@/lib/domain";

/** A project's display name. */
export const projectNameSchema = z.string().trim().min(1, "is required").max(200, "must be at most 200 characters");

/** POST /api/v1/projects body. */
export const createProjectSchema = z.object({
  name: projectNameSchema,
  slug: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, "must be 2–63 lowercase letters, digits or dashes, starting with a letter or digit"),
});

/** A valid create-project body. */
export type CreateProjectBody = z.infer<typeof createProjectSchema>;
