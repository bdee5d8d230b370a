import { z } from "zod";

/** GET /api/operator/source-files query: whose stored files `motif ingest` plans against. */
export const operatorSourceFilesQuerySchema = z.object({
  project: z.string().min(1).max(100),
  repository: z.string().max(300).default(""),
});
