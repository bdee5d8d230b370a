import type { Language } from "@/lib/domain";
import { asciiWordEnd, isDigit } from "./ascii-scan";

/** A lexical token of unit source, enough to find statements: comments are dropped, newlines kept. */
export interface CodeToken {
  type: "word" | "string" | "number" | "punct" | "newline";
  text: string;
}

// Same literal rules as shape-tokens, but punctuation and newlines are kept: statements end there.
const pythonPattern =
  /([ \t\f\r]+|\\\r?\n)|(\n)|(#[^\n]*)|((?:[rRbBuUfF]{1,2})?(?:"""[\s\S]*?"""|'''[\s\S]*?'''|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'))|(0[xXoObB][\da-fA-F_]+|\d[\d_]*\.?\d*(?:[eE][+-]?\d+)?[jJ]?|\.\d+)|([\p{L}_][\p{L}\p{N}_]*)|(\*\*=|\/\/=|>>=|<<=|->|:=|==|!=|<=|>=|\*\*|\/\/|<<|>>|\.\.\.|[-+*\/%@&|^]=|[-+*\/%@&|^~<>=!]|[\s\S])/uy;

const scriptPattern =
  /([ \t\f\r]+)|(\n)|(\/\/[^\n]*|\/\*[\s\S]*?\*\/)|("(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`)|(0[xXoObB][\da-fA-F_]+n?|\d[\d_]*\.?\d*(?:[eE][+-]?\d+)?n?|\.\d+)|(#?[\p{L}_$][\p{L}\p{N}_$]*)|(>>>=|\.\.\.|===|!==|\*\*=|<<=|>>=|>>>|&&=|\|\|=|\?\?=|=>|==|!=|<=|>=|&&|\|\||\?\?|\?\.|\+\+|--|\*\*|<<|>>|[-+*\/%&|^]=|[-+*\/%&|^~<>=!?]|[\s\S])/uy;

/** Space, tab, form feed, carriage return: the first alternative of both patterns (not the newline, a token here). */
const isBlank = (char: number) => char === 32 || char === 9 || char === 12 || char === 13;

// Tokens are never mutated, so every newline can share one object (a tenth of all tokens, less garbage).
const newlineToken: CodeToken = Object.freeze({ type: "newline", text: "\n" });
const groupTypes: CodeToken["type"][] = ["newline", "newline", "newline", "string", "number", "word", "punct"];

/** Brackets, `,` and `;` are one-character tokens in both languages, never the start of a longer one. */
const soloPunctuation: (CodeToken | null)[] = new Array<CodeToken | null>(128).fill(null);
for (const text of "()[]{},;") soloPunctuation[text.charCodeAt(0)] = Object.freeze({ type: "punct", text });
const dotToken: CodeToken = Object.freeze({ type: "punct", text: "." });
const colonToken: CodeToken = Object.freeze({ type: "punct", text: ":" });

/**
 * The common tokens read without the pattern (each `exec` allocates a match array, most of the
 * garbage the main thread made): a newline, a one-character punctuation mark, or an ASCII word
 * that the pattern would read the same way. Returns the end of the token, or -1 to leave it to the pattern.
 */
function readSimpleToken(code: string, position: number, python: boolean, tokens: CodeToken[]): number {
  const char = code.charCodeAt(position);
  const next = position + 1 < code.length ? code.charCodeAt(position + 1) : 0;
  if (char === 10) {
    tokens.push(newlineToken);
    return position + 1;
  }
  const solo = char < 128 ? soloPunctuation[char] : null;
  if (solo) {
    tokens.push(solo);
    return position + 1;
  }
  // `...` and `.5` are other tokens; so is Python's `:=`.
  if (char === 46 && next !== 46 && !isDigit(next)) {
    tokens.push(dotToken);
    return position + 1;
  }
  if (char === 58 && !(python && next === 61)) {
    tokens.push(colonToken);
    return position + 1;
  }
  const end = asciiWordEnd(code, position, python);
  if (end < 0) return -1;
  tokens.push({ type: "word", text: code.slice(position, end) });
  return end;
}

/**
 * The tokens of a unit's source. A comment is dropped but the newline after it is kept
 * (a block comment spanning lines leaves one newline), so line structure survives.
 */
export function codeTokens(code: string, language: Language): CodeToken[] {
  const python = language === "python";
  const pattern = python ? pythonPattern : scriptPattern;
  const tokens: CodeToken[] = [];
  let position = 0;
  let match: RegExpExecArray | null;
  while (position < code.length) {
    // Blanks between tokens are skipped by hand: the pattern would match them as its first
    // alternative anyway, and one exec per gap doubled the work and the garbage.
    while (position < code.length && isBlank(code.charCodeAt(position))) position++;
    if (position === code.length) break;
    const end = readSimpleToken(code, position, python, tokens);
    if (end >= 0) {
      position = end;
      continue;
    }
    pattern.lastIndex = position;
    if (!(match = pattern.exec(code))) break;
    position = pattern.lastIndex;
    if (match[1]) continue;
    // The first participating group after the whitespace one names the token's type.
    let group = 2;
    while (match[group] === undefined) group++;
    if (group === 3) {
      if (match[3].includes("\n")) tokens.push(newlineToken);
      continue;
    }
    tokens.push(group === 2 ? newlineToken : { type: groupTypes[group - 1], text: match[group] });
  }
  return tokens;
}
