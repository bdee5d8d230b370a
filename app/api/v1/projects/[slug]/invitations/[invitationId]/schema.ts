import { z } from "zod";

/** The dynamic segments naming one of a project's invitations. */
export const projectInvitationParamsSchema = z.object({ slug: z.string(), invitationId: z.uuid() });
