import { splitIdentifier } from "@/lib/words";

// Keywords and ubiquitous builtins of Python and JS/TS: in a unit's body they say nothing
// about what the unit does, and remote models would spend tokens on them.
const keywords = new Set(
  `and as assert async await break case catch class const continue debugger def del delete do elif else
  enum except export extends false finally for from function global if import in instanceof is lambda let
  new none nonlocal not null of or pass raise return self static super switch this throw true try typeof
  undefined var void while with yield cls len str int isinstance print range dict list tuple set bool
  object string number boolean any unknown never promise`.split(/\s+/),
);

/**
 * The most frequent meaningful words of a unit's source (identifiers split into words,
 * comments and strings included), most frequent first, ties in order of appearance.
 */
export function codeWords(code: string, limit: number, exclude: Set<string> = new Set()): string[] {
  const counts = new Map<string, number>();
  for (const word of splitIdentifier(code)) {
    if (word.length < 2 || /^\d/.test(word) || keywords.has(word) || exclude.has(word)) continue;
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((left, right) => right[1] - left[1])
    .slice(0, limit)
    .map(([word]) => word);
}
