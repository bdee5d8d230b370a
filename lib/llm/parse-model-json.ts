import type { z } from "zod";

/** The JSON text of a model's answer: the answer itself, or the first fenced block, or the outermost braces. */
function jsonText(text: string): string {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/.exec(text);
  if (fenced) return fenced[1].trim();
  const start = text.indexOf("{");
  const end = text.lastIndexOf("}");
  return start >= 0 && end > start ? text.slice(start, end + 1) : text.trim();
}

/**
 * Reads a model's structured answer: JSON, valid against the task's schema. Throws an error that
 * says which of the two it was not, quoting the start of the answer.
 */
export function parseModelJson<T>(text: string, schema: z.ZodType<T>): T {
  let value: unknown;
  try {
    value = JSON.parse(jsonText(text));
  } catch (error) {
    throw new Error(`the model answered malformed JSON (${(error as Error).message}): ${JSON.stringify(text.slice(0, 120))}`, { cause: error });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`the model's JSON does not fit the answer's schema: ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  return parsed.data;
}
