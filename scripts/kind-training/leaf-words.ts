import { splitIdentifier } from "@/lib/words";

/** The words that stand for an identifier leaf: its first and last lower-cased sub-words (digits dropped). */
export function leafWords(text: string): string[] {
  const words = splitIdentifier(text).filter((word) => !/^\d+$/.test(word));
  if (words.length === 0) return [];
  return words.length === 1 ? [words[0]!] : [words[0]!, words[words.length - 1]!];
}
