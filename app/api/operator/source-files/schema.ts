import { z } from "zod";

/** GET /api/operator/source-files query: whose stored files `motif ingest` plans against. */
export const operatorSourceFilesQuerySchema = z.object({
  project: z.string().min(1).max(100),
  repository: z.string().max(300).default(""),
  /** `false`: paths, blob ids and extractor versions only (the extractions stay on the server). */
  extractions: z.enum(["true", "false"]).default("true").transform((value) => value === "true"),
});
