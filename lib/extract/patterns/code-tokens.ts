import type { Language } from "@/lib/extract/types";

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

/**
 * The tokens of a unit's source. A comment is dropped but the newline after it is kept
 * (a block comment spanning lines leaves one newline), so line structure survives.
 */
export function codeTokens(code: string, language: Language): CodeToken[] {
  const pattern = language === "python" ? pythonPattern : scriptPattern;
  const tokens: CodeToken[] = [];
  pattern.lastIndex = 0;
  let match: RegExpExecArray | null;
  while (pattern.lastIndex < code.length) {
    // Blanks between tokens are skipped by hand: the pattern would match them as its first
    // alternative anyway, and one exec per gap doubled the work and the garbage.
    let position = pattern.lastIndex;
    while (position < code.length && isBlank(code.charCodeAt(position))) position++;
    if (position === code.length) break;
    pattern.lastIndex = position;
    if (!(match = pattern.exec(code))) break;
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
