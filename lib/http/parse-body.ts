import { z } from "zod";
import { defaultBodyBytes } from "@/lib/domain";
import { MotifError } from "@/lib/errors";
import { readLimitedJson } from "./read-limited-json";

/** One readable line for a zod failure, naming the field: "email: Invalid email address". */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}

/** Validates data against a schema; a mismatch is a 400 naming the bad field. */
export function parseWith<Schema extends z.ZodType>(schema: Schema, data: unknown): z.infer<Schema> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new MotifError("bad_request:input", describeZodError(parsed.error));
  return parsed.data;
}

/**
 * Reads a JSON request body of at most `maxBytes` (default 1 MB; larger is a 413 before it is
 * read whole) and validates it; bad JSON, JSON nested too deep or a bad field is a 400.
 */
export async function parseBody<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
  options: { maxBytes?: number } = {},
): Promise<z.infer<Schema>> {
  return parseWith(schema, await readLimitedJson(request, options.maxBytes ?? defaultBodyBytes));
}
