import { describe, expect, it } from "vitest";
import { codeTokens, type CodeToken } from "@/lib/extract/clustering/code-tokens";
import type { Language } from "@/lib/domain";

// The tokenizer reads common tokens by hand and the rest through these patterns; the
// reference reads everything through them, so the two must agree on any input.
const pythonPattern =
  /([ \t\f\r]+|\\\r?\n)|(\n)|(#[^\n]*)|((?:[rRbBuUfF]{1,2})?(?:"""[\s\S]*?"""|'''[\s\S]*?'''|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'))|(0[xXoObB][\da-fA-F_]+|\d[\d_]*\.?\d*(?:[eE][+-]?\d+)?[jJ]?|\.\d+)|([\p{L}_][\p{L}\p{N}_]*)|(\*\*=|\/\/=|>>=|<<=|->|:=|==|!=|<=|>=|\*\*|\/\/|<<|>>|\.\.\.|[-+*\/%@&|^]=|[-+*\/%@&|^~<>=!]|[\s\S])/uy;
const scriptPattern =
  /([ \t\f\r]+)|(\n)|(\/\/[^\n]*|\/\*[\s\S]*?\*\/)|("(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`)|(0[xXoObB][\da-fA-F_]+n?|\d[\d_]*\.?\d*(?:[eE][+-]?\d+)?n?|\.\d+)|(#?[\p{L}_$][\p{L}\p{N}_$]*)|(>>>=|\.\.\.|===|!==|\*\*=|<<=|>>=|>>>|&&=|\|\|=|\?\?=|=>|==|!=|<=|>=|&&|\|\||\?\?|\?\.|\+\+|--|\*\*|<<|>>|[-+*\/%&|^]=|[-+*\/%&|^~<>=!?]|[\s\S])/uy;
const types: CodeToken["type"][] = ["newline", "newline", "newline", "string", "number", "word", "punct"];

function referenceTokens(code: string, language: Language): { type: string; text: string }[] {
  const pattern = language === "python" ? pythonPattern : scriptPattern;
  const tokens: { type: string; text: string }[] = [];
  pattern.lastIndex = 0;
  let match: RegExpExecArray | null;
  while (pattern.lastIndex < code.length && (match = pattern.exec(code))) {
    if (match[1]) continue;
    let group = 2;
    while (match[group] === undefined) group++;
    if (group === 3) {
      if (match[3].includes("\n")) tokens.push({ type: "newline", text: "\n" });
    } else tokens.push({ type: types[group - 1], text: group === 2 ? "\n" : match[group] });
  }
  return tokens;
}

const plain = (tokens: CodeToken[]) => tokens.map(({ type, text }) => ({ type, text }));
const languages: Language[] = ["python", "typescript"];

describe("codeTokens", () => {
  it("reads the tricky places as the patterns do", () => {
    const samples = [
      'def f(a: int) -> X:\n    return rb"x" + f\'{a}\' + b"""\nq""" if a else ...\n',
      "x := (y.z[0], .5, 1.e3j, 0x_ff); a...b\n  # note\n",
      "const $a = this.#b?.c ?? `t${d}` ; obj.λx2 = 名前(1)\n/* a\nb */ z\\\n",
      "word\u00e9 π2 a\u2028b 'unterminated\n\"\\\r\" _x_9 $ #",
      "",
      "   \t",
      "a😀b ( ) [ ] { } , ; : . ..",
    ];
    for (const code of samples) for (const language of languages) expect(plain(codeTokens(code, language))).toEqual(referenceTokens(code, language));
  });

  it("agrees with the patterns on random text", () => {
    const alphabet = ["a", "rb", "f", "_", "$", "#", "1", "0", ".", ":", "=", "(", ")", "{", "}", ",", ";", '"', "'", "`", "\\", "\n", "\r", " ", "é", "名", "٣", "\u2028", "😀", "-", ">", "/", "*", "?", "e", "j"];
    let seed = 11;
    const next = (limit: number) => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) % limit;
    for (let trial = 0; trial < 3000; trial++) {
      let code = "";
      for (let index = next(40); index > 0; index--) code += alphabet[next(alphabet.length)];
      for (const language of languages) expect(plain(codeTokens(code, language))).toEqual(referenceTokens(code, language));
    }
  });
});
