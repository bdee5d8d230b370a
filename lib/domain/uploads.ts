import { z } from "zod";
import { projectReferenceSchema } from "./fields";

/** Paths as `motif extract` prints them: relative, forward slashes, never climbing out. */
export const relativePathSchema = z
  .string()
  .trim()
  .min(1, "is required")
  .max(1024, "must be at most 1024 characters")
  .transform((value) => value.replaceAll("\\", "/").replace(/^(\.\/)+/, ""))
  .refine((value) => !value.startsWith("/") && !/^[A-Za-z]:/.test(value), "must be a relative path")
  .refine((value) => !value.split("/").includes(".."), "must not contain '..'");

/** One uploaded source file. */
export const uploadedFileSchema = z.object({
  path: relativePathSchema.describe("path relative to the repository root, as occurrences will show it"),
  content: z.string().describe("the file's text (UTF-8); at most 1 MB"),
});

/**
 * A few files to extract and ingest into a project: POST /api/v1/extract's body (at most 200
 * files, 5 MB in all) and the `ingest` edge function's (within its own, smaller limit).
 */
export const uploadRequestSchema = z
  .object({
    project: projectReferenceSchema.optional().describe("project slug or id; defaults to an API key's own project"),
    repository: z.string().trim().max(300, "must be at most 300 characters").optional().describe("names the repository the paths belong to"),
    files: z
      .array(uploadedFileSchema)
      .min(1, "must hold at least one file")
      .describe("at most 200 files, 1 MB each, 5 MB in all (413 beyond)")
      .refine((files) => new Set(files.map((file) => file.path)).size === files.length, "must not name a path twice"),
  })
  .strict();

/** A valid upload body. */
export type UploadRequest = z.infer<typeof uploadRequestSchema>;
