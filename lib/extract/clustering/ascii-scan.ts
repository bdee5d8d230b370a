// Character tests for the tokenizers' fast path (code-tokens.ts, shape-tokens.ts): the ASCII
// tokens they read by hand instead of through their patterns.

export const isAsciiLetter = (char: number) => (char >= 97 && char <= 122) || (char >= 65 && char <= 90);
export const isDigit = (char: number) => char >= 48 && char <= 57;
/** ASCII characters of a word: letters, digits, `_`, and `$` in JS/TS (`start` excludes digits). */
export const isWordCharacter = (char: number, python: boolean, start: boolean) =>
  isAsciiLetter(char) || char === 95 || (!start && isDigit(char)) || (!python && char === 36);

/**
 * The end of the ASCII word starting at `position`, or -1 when the tokenizer's pattern must
 * read it: not a word start, or a word that a non-ASCII letter or digit may continue, or a
 * string prefix followed by its quote (`rb"…"`).
 */
export function asciiWordEnd(code: string, position: number, python: boolean): number {
  if (!isWordCharacter(code.charCodeAt(position), python, true)) return -1;
  let end = position + 1;
  while (end < code.length && isWordCharacter(code.charCodeAt(end), python, false)) end++;
  const after = end < code.length ? code.charCodeAt(end) : 0;
  return after >= 128 || after === 34 || after === 39 || after === 96 ? -1 : end;
}
