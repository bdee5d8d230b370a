// Values cross the wire between the Motif server and a Deno function as JSON; the few types
// JSON cannot hold (timestamps, bytes, 64-bit integers) travel tagged, so rows read the same
// on both sides of `openRemoteDatabase`.
type Tagged = { $motif: "date" | "bytes" | "bigint"; value: string };

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** A value made JSON-safe: Date, Uint8Array and bigint become tagged objects. */
export function encodeWireValue(value: unknown): unknown {
  if (value instanceof Date) return { $motif: "date", value: value.toISOString() } satisfies Tagged;
  if (value instanceof Uint8Array) return { $motif: "bytes", value: toBase64(value) } satisfies Tagged;
  if (typeof value === "bigint") return { $motif: "bigint", value: value.toString() } satisfies Tagged;
  if (Array.isArray(value)) return value.map(encodeWireValue);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, encodeWireValue(inner)]));
  }
  return value;
}

function isTagged(value: object): value is Tagged {
  const tag = (value as { $motif?: unknown }).$motif;
  return (tag === "date" || tag === "bytes" || tag === "bigint") && typeof (value as { value?: unknown }).value === "string";
}

/** The inverse of `encodeWireValue`. */
export function decodeWireValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeWireValue);
  if (value === null || typeof value !== "object") return value;
  if (isTagged(value)) {
    if (value.$motif === "date") return new Date(value.value);
    if (value.$motif === "bytes") return fromBase64(value.value);
    return BigInt(value.value);
  }
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, decodeWireValue(inner)]));
}
