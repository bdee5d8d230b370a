import type { z } from "zod";
import { parseWith } from "./parse-body";

/**
 * Reads a request's query string and validates it: a parameter given once is a string, one
 * given several times (`?tags=a&tags=b`) an array. A bad parameter is a 400 naming it.
 */
export function parseQuery<Schema extends z.ZodType>(request: Request, schema: Schema): z.infer<Schema> {
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of new URL(request.url).searchParams) {
    const seen = query[key];
    query[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return parseWith(schema, query);
}
