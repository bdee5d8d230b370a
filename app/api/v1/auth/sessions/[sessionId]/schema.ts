import { z } from "zod";

/** The dynamic segment naming one of the caller's sessions. */
export const sessionParamsSchema = z.object({ sessionId: z.uuid() });
