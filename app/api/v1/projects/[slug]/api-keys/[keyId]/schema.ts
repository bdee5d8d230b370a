import { z } from "zod";

/** The dynamic segments naming one API key. */
export const apiKeyParamsSchema = z.object({ slug: z.string(), keyId: z.uuid() });

/** Valid API-key route parameters. */
export type ApiKeyParams = z.infer<typeof apiKeyParamsSchema>;
