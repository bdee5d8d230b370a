import { z } from "zod";
import { projectRoleSchema } from "@/lib/domain";

/** POST /api/v1/projects/[slug]/members body: an existing account's email and a role. */
export const addMemberSchema = z.object({
  email: z.string().trim().pipe(z.email()),
  role: projectRoleSchema.default("member"),
});

/** A valid add-member body. */
export type AddMemberBody = z.infer<typeof addMemberSchema>;
