import { splitIdentifier } from "@/lib/embed";

const maxWords = 400;

/**
 * The words full-text search should find a pattern by, beyond its name and description: the
 * identifiers of its code and the names it occurs under, split into words
 * (`getBackoffTime` → get backoff time), each once, in order of first appearance.
 */
export function patternSearchText({ code, qualnames = [] }: { code: string; qualnames?: string[] }): string {
  const words = new Set<string>();
  const identifiers = [...qualnames, ...(code.match(/[A-Za-z_$][A-Za-z0-9_$]*/g) ?? [])];
  for (const identifier of identifiers) {
    for (const word of splitIdentifier(identifier)) {
      if (word.length > 1) words.add(word);
      if (words.size >= maxWords) return [...words].join(" ");
    }
  }
  return [...words].join(" ");
}
