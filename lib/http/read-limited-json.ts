import { MotifError } from "@/lib/errors";

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
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
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
