import { z } from "zod";

/** The dynamic segment naming one of the caller's sessions. */
export const authSessionParamsSchema = z.object({ sessionId: z.uuid() });
