import { z } from "zod";
import { functionLimits } from "./function-limits";

// Paths as `motif extract` prints them: relative, forward slashes, never climbing out.
const relativePathSchema = z
  .string()
  .trim()
  .min(1, "is required")
  .max(1024, "must be at most 1024 characters")
  .transform((value) => value.replaceAll("\\", "/").replace(/^(\.\/)+/, ""))
  .refine((value) => !value.startsWith("/") && !/^[A-Za-z]:/.test(value), "must be a relative path")
  .refine((value) => !value.split("/").includes(".."), "must not contain '..'");

const base64Schema = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, "must be base64");

/** One file: its text, or its bytes in base64 (decoded as `motif extract` decodes a file on disk). */
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
