import { z } from "zod";
import { projectRoleSchema, textLimits } from "@/lib/domain";

/** POST /api/v1/projects/[slug]/invitations body: the address to invite and the role it will hold. */
export const inviteMemberSchema = z.object({
  email: z.string().trim().max(textLimits.email, `must be at most ${textLimits.email} characters`).pipe(z.email()),
  role: projectRoleSchema.default("member"),
});

/** A valid invitation body. */
export type InviteMemberBody = z.infer<typeof inviteMemberSchema>;
