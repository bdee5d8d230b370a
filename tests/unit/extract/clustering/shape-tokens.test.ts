import { describe, expect, it } from "vitest";
import { pythonKeywords, scriptKeywords, shapeTokens } from "@/lib/extract/clustering/shape-tokens";
import type { Language } from "@/lib/domain";

// shapeTokens reads common tokens by hand and the rest through these patterns; the reference
// reads everything through them (the previous implementation), so the two must agree.
const pythonPattern =
  /(\s+)|(#[^\n]*)|((?:[rRbBuUfF]{1,2})?(?:"""[\s\S]*?"""|'''[\s\S]*?'''|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'))|(0[xXoObB][\da-fA-F_]+|\d[\d_]*\.?\d*(?:[eE][+-]?\d+)?[jJ]?|\.\d+)|([\p{L}_][\p{L}\p{N}_]*)|(\*\*=|\/\/=|>>=|<<=|->|:=|==|!=|<=|>=|\*\*|\/\/|<<|>>|[-+*\/%@&|^]=|[-+*\/%@&|^~<>=!])|([\s\S])/uy;
const scriptPattern =
  /(\s+)|(\/\/[^\n]*|\/\*[\s\S]*?\*\/)|("(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`)|(0[xXoObB][\da-fA-F_]+n?|\d[\d_]*\.?\d*(?:[eE][+-]?\d+)?n?|\.\d+)|(#?[\p{L}_$][\p{L}\p{N}_$]*)|(>>>=|\.\.\.|===|!==|\*\*=|<<=|>>=|>>>|&&=|\|\|=|\?\?=|=>|==|!=|<=|>=|&&|\|\||\?\?|\?\.|\+\+|--|\*\*|<<|>>|[-+*\/%&|^]=|[-+*\/%&|^~<>=!?])|([\s\S])/uy;

function referenceTokens(code: string, language: Language): string[] {
  const python = language === "python";
  const pattern = python ? pythonPattern : scriptPattern;
  const tokens: string[] = [];
  pattern.lastIndex = 0;
  let afterDot = false;
  let match: RegExpExecArray | null;
  while (pattern.lastIndex < code.length && (match = pattern.exec(code))) {
    if (match[1]) continue;
    if (match[3]) tokens.push("<str>");
    else if (match[4]) tokens.push("<num>");
    else if (match[5]) {
      const word = match[5];
      if ((python ? pythonKeywords : scriptKeywords).has(word)) tokens.push(word);
      else if (afterDot && /^\s*\(/.test(code.slice(pattern.lastIndex, pattern.lastIndex + 8))) tokens.push(`.${word}(`);
      else tokens.push("$");
    } else if (match[6]) tokens.push(match[6]);
    afterDot = match[7] === ".";
  }
  return tokens;
}

const languages: Language[] = ["python", "typescript"];

describe("shapeTokens", () => {
  it("reads the tricky places as the patterns do", () => {
    const samples = [
      'def f(a: int) -> X:\n    return rb"x" + self.save (a) + f\'{a}\' if a else ...\n',
      "x := (y.z[0], .5, 1.e3j, 0x_ff); a...b.c\u00a0(1) # note\n",
      "const $a = this.#b?.c(d) ?? `t${d}`; obj.λx2 = 名前(1); a.b\n\n  (2); a.b          (3)\n",
      "word\u00e9 π2 a\u2028b 'unterminated\n\"\\\r\" _x_9 $ # ..",
      // A Unicode space before the bracket still makes a call: `\\s` covers it.
      "a.b \u00a0(1); a.c \u3000 (2); a.d  \u00a0x(3)",
      "",
    ];
    for (const code of samples) for (const language of languages) expect(shapeTokens(code, language)).toEqual(referenceTokens(code, language));
  });

  it("agrees with the patterns on random text", () => {
    const alphabet = ["a", "rb", "if", "for", "_", "$", "#", "1", ".", ":", "=", "(", ")", "{", "}", ",", ";", '"', "'", "`", "\\", "\n", " ", "  (", "\u00a0", "é", "名", "\u2028", "😀", "-", ">", "/", "*", "?"];
    let seed = 5;
    const next = (limit: number) => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) % limit;
    for (let trial = 0; trial < 3000; trial++) {
      let code = "";
      for (let index = next(40); index > 0; index--) code += alphabet[next(alphabet.length)];
      for (const language of languages) expect(shapeTokens(code, language)).toEqual(referenceTokens(code, language));
    }
  });
});
