import { MotifError } from "@/lib/errors";

/** What a list cursor carries: the order it belongs to and the last row's (sort key, id). */
export interface PatternCursor {
  sort: string;
  direction: "asc" | "desc";
  value: string;
  id: string;
}

/** Encodes a cursor as opaque base64url text: clients pass it back, never read it. */
export function encodePatternCursor(cursor: PatternCursor): string {
  const payload = [cursor.sort, cursor.direction, cursor.value, cursor.id];
  return Buffer.from(JSON.stringify(payload), "utf8").toString("base64url");
}

/**
 * Decodes a cursor made by {@link encodePatternCursor} for the same sort and direction; any
 * other text is a 400 naming the `cursor` field.
 */
export function decodePatternCursor(text: string, expected: { sort: string; direction: string }): PatternCursor {
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    payload = undefined;
  }
  const valid =
    Array.isArray(payload) &&
    payload.length === 4 &&
    payload.every((part) => typeof part === "string") &&
    /^[0-9a-f-]{36}$/i.test(payload[3]);
  if (!valid) throw new MotifError("bad_request:input", "cursor: is not a cursor this API returned");
  const [sort, direction, value, id] = payload as string[];
  if (sort !== expected.sort || direction !== expected.direction) {
    throw new MotifError("bad_request:input", `cursor: was made for sort=${sort}&order=${direction}; ask again without it`);
  }
  return { sort, direction: direction as PatternCursor["direction"], value, id };
}
