import { z } from "zod";
import { projectRoleSchema } from "./enums";
import { textLimits } from "./text-limits";

/**
 * POST /api/operator/members (`motif projects add-member`): the local operator gives an
 * account a role in a project, e.g. one `motif ingest` made before anyone signed up.
 */
export const operatorMemberSchema = z.object({
  project: z.string().min(1).max(100).describe("project slug"),
  email: z.string().trim().max(textLimits.email, `must be at most ${textLimits.email} characters`).pipe(z.email()),
  role: projectRoleSchema.default("admin"),
});

/** A valid operator membership request. */
export type OperatorMemberRequest = z.infer<typeof operatorMemberSchema>;

/** What the operator's membership change did. */
export interface OperatorMemberAnswer {
  project: { slug: string };
  member: { user_id: string; email: string; role: z.infer<typeof projectRoleSchema>; added: boolean };
}
