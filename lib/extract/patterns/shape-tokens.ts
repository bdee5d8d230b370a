import type { Language } from "@/lib/extract/types";

const pythonKeywords = new Set(
  ("False None True and as assert async await break class continue def del elif else except finally for from " +
    "global if import in is lambda nonlocal not or pass raise return try while with yield match case").split(" "),
);

const scriptKeywords = new Set(
  ("break case catch class const continue debugger default delete do else export extends finally for function if " +
    "import in instanceof let new return super switch this throw try typeof var void while with yield async await of " +
    "null undefined true false static get set interface type implements readonly public private protected abstract " +
    "declare enum namespace as satisfies keyof infer is string number boolean any unknown never object symbol bigint").split(" "),
);

// Longest operators first so `**=` is not read as `*`, `*`, `=`.
const pythonPattern =
  /(\s+)|(#[^\n]*)|((?:[rRbBuUfF]{1,2})?(?:"""[\s\S]*?"""|'''[\s\S]*?'''|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'))|(0[xXoObB][\da-fA-F_]+|\d[\d_]*\.?\d*(?:[eE][+-]?\d+)?[jJ]?|\.\d+)|([\p{L}_][\p{L}\p{N}_]*)|(\*\*=|\/\/=|>>=|<<=|->|:=|==|!=|<=|>=|\*\*|\/\/|<<|>>|[-+*\/%@&|^]=|[-+*\/%@&|^~<>=!])|([\s\S])/uy;

const scriptPattern =
  /(\s+)|(\/\/[^\n]*|\/\*[\s\S]*?\*\/)|("(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`)|(0[xXoObB][\da-fA-F_]+n?|\d[\d_]*\.?\d*(?:[eE][+-]?\d+)?n?|\.\d+)|(#?[\p{L}_$][\p{L}\p{N}_$]*)|(>>>=|\.\.\.|===|!==|\*\*=|<<=|>>=|>>>|&&=|\|\|=|\?\?=|=>|==|!=|<=|>=|&&|\|\||\?\?|\?\.|\+\+|--|\*\*|<<|>>|[-+*\/%&|^]=|[-+*\/%&|^~<>=!?])|([\s\S])/uy;

/** Space, tab, newline, vertical tab, form feed, carriage return: all matched by `\s`. */
const isAsciiSpace = (char: number) => char === 32 || (char >= 9 && char <= 13);

const callFollows = /^\s*\(/;

/**
 * The unit's code as normalised shape tokens for near-duplicate comparison: keywords and
 * operators as written, every identifier as one placeholder `$` except the names of
 * methods called through a dot (`time.sleep(`, `session.commit(`: what the code does,
 * which a rename of local variables leaves alone), literals as their category, comments
 * and punctuation dropped. Unlike the fingerprint, names are not
 * numbered: one inserted name would renumber every later one and make every shingle
 * after it differ, so a near copy would look unrelated. It works on source text because
 * clustering receives extracted units, not syntax trees.
 */
export function shapeTokens(code: string, language: Language): string[] {
  const python = language === "python";
  const pattern = python ? pythonPattern : scriptPattern;
  const keywords = python ? pythonKeywords : scriptKeywords;
  const tokens: string[] = [];
  pattern.lastIndex = 0;
  let afterDot = false;
  let match: RegExpExecArray | null;
  while (pattern.lastIndex < code.length) {
    // ASCII blanks are skipped by hand (the pattern's `\s+` would match them and make no
    // token, leaving `afterDot` alone): one exec per gap doubled the work and the garbage.
    let position = pattern.lastIndex;
    while (position < code.length && isAsciiSpace(code.charCodeAt(position))) position++;
    if (position === code.length) break;
    pattern.lastIndex = position;
    if (!(match = pattern.exec(code))) break;
    if (match[1]) continue;
    if (match[3]) tokens.push("<str>");
    else if (match[4]) tokens.push("<num>");
    else if (match[5]) {
      const word = match[5];
      if (keywords.has(word)) tokens.push(word);
      else if (afterDot && callFollows.test(code.slice(pattern.lastIndex, pattern.lastIndex + 8))) tokens.push(`.${word}(`);
      else tokens.push("$");
    } else if (match[6]) tokens.push(match[6]);
    afterDot = match[7] === ".";
  }
  return tokens;
}
