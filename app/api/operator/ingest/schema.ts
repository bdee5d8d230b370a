import { z } from "zod";

/** POST /api/operator/ingest body: what `motif ingest` extracted (slimmed), and where it goes. */
export const operatorIngestSchema = z.object({
  project: z.string().min(1).max(100),
  repository: z.string().max(300).default(""),
  scope: z.array(z.string().max(1024)).max(1000).optional(),
  commit_sha: z.string().regex(/^[0-9a-f]{7,64}$/).optional(),
  // The extraction's own types describe these; the CLI built them with extractPaths.
  result: z.object({
    patterns: z.array(z.any()),
    relationships: z.array(z.any()),
    failures: z.array(z.object({ file: z.string(), reason: z.string() })),
    units: z.array(z.any()).optional(),
  }),
  // Per-file state for the next incremental ingest (the CLI extracted only changed files).
  source_files: z.object({
    upserts: z.array(z.object({
      file_path: z.string().min(1).max(1024),
      content_hash: z.string().regex(/^[0-9a-f]{40}$/),
      extractor_version: z.string().min(1).max(100),
      extraction: z.any(),
      failure: z.string().nullable(),
    })),
    deletes: z.array(z.string().min(1).max(1024)),
  }).optional(),
});
