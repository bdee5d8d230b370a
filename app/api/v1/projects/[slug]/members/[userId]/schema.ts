import { z } from "zod";
import { projectRoleSchema } from "@/lib/domain";

/** The dynamic segment naming a member. */
export const memberParamsSchema = z.object({ slug: z.string(), userId: z.uuid() });

/** PATCH /api/v1/projects/[slug]/members/[userId] body. */
export const updateMemberSchema = z.object({ role: projectRoleSchema });

/** A valid update-member body. */
export type UpdateMemberBody = z.infer<typeof updateMemberSchema>;
