import type { Language } from "@/lib/domain";

/** Text decoded from a file, or why it is not source text. */
export type DecodedSource = { source: string } | { reason: string };

// PEP 263: a Python file may declare its encoding in a comment on line 1 or 2.
const codingDeclaration = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;
const pythonToWhatwgLabel: Record<string, string> = { "latin-1": "iso-8859-1", latin1: "iso-8859-1", "iso-latin-1": "iso-8859-1", "utf8": "utf-8" };

function declaredEncoding(bytes: Uint8Array, language: Language): string {
  if (language !== "python") return "utf-8";
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 400)).split(/\r?\n/, 2);
  for (const line of head) {
    const match = codingDeclaration.exec(line);
    if (match) {
      const name = match[1].toLowerCase().replace(/_/g, "-");
      return pythonToWhatwgLabel[name] ?? name;
    }
  }
  return "utf-8";
}

/**
 * Decodes a file's bytes: UTF-8 (or a Python file's declared encoding), refusing binary
 * content (NUL bytes) and malformed text rather than guessing.
 */
export function decodeSource(bytes: Uint8Array, language: Language): DecodedSource {
  if (bytes.includes(0)) return { reason: "binary file (contains NUL bytes)" };
  const encoding = declaredEncoding(bytes, language);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { fatal: true });
  } catch {
    return { reason: `unknown encoding ${encoding}` };
  }
  try {
    return { source: decoder.decode(bytes) };
  } catch {
    return { reason: `invalid ${encoding === "utf-8" ? "UTF-8" : encoding} text` };
  }
}
