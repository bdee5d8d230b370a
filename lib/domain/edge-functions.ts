import { z } from "zod";
import { relativePathSchema } from "./uploads";

/**
 * What one edge function request may carry. Supabase's edge runtime gives a request 2 s of
 * CPU and 256 MB of memory: extracting a 2 MB batch took Deno 2.2-2.5 s of CPU here, so a
 * request carries at most 1 MB of files (docs/edge-functions.md). A match body is an intent
 * and some context.
 */
export const functionLimits = {
  extract: { maxBodyBytes: 1024 * 1024, maxFiles: 200 },
  ingest: { maxBodyBytes: 1024 * 1024, maxFiles: 200 },
  match: { maxBodyBytes: 64 * 1024 },
} as const;

/** The functions Motif serves at /functions/v1/<name>. */
export type FunctionName = keyof typeof functionLimits;

const base64Schema = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, "must be base64");

/** One file for `extract`: its text, or its bytes in base64 (decoded as `motif extract` decodes a file on disk). */
const functionFileSchema = z
  .object({
    path: relativePathSchema,
    content: z.string().optional().describe("the file's text"),
    content_base64: base64Schema.optional().describe("the file's bytes, base64: Python coding declarations are honoured"),
  })
  .strict()
  .refine((file) => (file.content === undefined) !== (file.content_base64 === undefined), "give exactly one of content and content_base64");

/** The `extract` function's body: files, and `motif extract`'s filters. */
export const extractFunctionSchema = z
  .object({
    files: z
      .array(functionFileSchema)
      .min(1, "must hold at least one file")
      .max(functionLimits.extract.maxFiles, `must hold at most ${functionLimits.extract.maxFiles} files`)
      .refine((files) => new Set(files.map((file) => file.path)).size === files.length, "must not name a path twice"),
    min_quality: z.number().min(0).max(1).optional(),
    max_complexity: z.number().int("must be a whole number").min(1).optional(),
  })
  .strict();

/** A valid `extract` body. */
export type ExtractFunctionBody = z.infer<typeof extractFunctionSchema>;
