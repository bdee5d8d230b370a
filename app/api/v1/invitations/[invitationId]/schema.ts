import { z } from "zod";

/** The dynamic segment naming an invitation addressed to the caller. */
export const invitationParamsSchema = z.object({ invitationId: z.uuid() });
