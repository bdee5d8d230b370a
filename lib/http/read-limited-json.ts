import { maxJsonDepth } from "@/lib/domain";
import { MotifError } from "@/lib/errors";

/**
 * How deep arrays and objects nest in JSON text, counted without parsing it (strings skipped),
 * stopping once past `limit`: a body nested thousands deep would overflow a recursive reader
 * (a schema walk, Postgres' jsonb parser) further on.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 92) index++; // a backslash escapes the next character
      else if (code === 34) inString = false;
    } else if (code === 34) inString = true;
    else if (code === 91 || code === 123) {
      if (++depth > limit) return true;
    } else if (code === 93 || code === 125) depth--;
  }
  return false;
}

/**
 * Reads a JSON request body of at most `maxBytes`, refusing a larger one with a 413 as soon
 * as it is known to be larger (its Content-Length, or the bytes read so far), before it is
 * parsed or held whole in memory. Bad JSON is a 400.
 */
export async function readLimitedJson(request: Request, maxBytes: number, what = "request body"): Promise<unknown> {
  const limit = `${what} exceeds ${formatBytes(maxBytes)}`;
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw new MotifError("too_large:input", limit);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new MotifError("too_large:input", limit);
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (jsonDepthExceeds(text, maxJsonDepth)) {
    throw new MotifError("bad_request:input", `the request body nests arrays and objects more than ${maxJsonDepth} deep`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new MotifError("bad_request:input", "the request body must be JSON");
  }
}

/** "5 MB", "1 MB", "512 KB": sizes as people read them (1 MB = 1024 × 1024 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${bytes} bytes`;
}
