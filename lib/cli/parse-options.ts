import type { z } from "zod";
import { MotifError } from "@/lib/errors";

/** Validates command options with zod; a bad one stops the command naming the option. */
export function parseOptions<Schema extends z.ZodType>(schema: Schema, raw: unknown): z.infer<Schema> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const option = issue.path.map(String).join(".").replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
  throw new MotifError("bad_request:input", `invalid --${option}: ${issue.message}`);
}
