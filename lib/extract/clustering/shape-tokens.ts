import type { Language } from "@/lib/domain";
import { asciiWordEnd, isDigit } from "./ascii-scan";

/** Keywords keep their text in a shape; other words become `$`. */
export const pythonKeywords = new Set(
  ("False None True and as assert async await break class continue def del elif else except finally for from " +
    "global if import in is lambda nonlocal not or pass raise return try while with yield match case").split(" "),
);

export const scriptKeywords = new Set(
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

/** Brackets, `,` and `;`: dropped punctuation in both languages, never the start of a longer token. */
const isSoloPunctuation = (char: number) =>
  char === 40 || char === 41 || char === 91 || char === 93 || char === 123 || char === 125 || char === 44 || char === 59;

/** Whether `(` follows `end` after blanks, within 8 characters (as `callFollows` on that window). */
function callFollowsAt(code: string, end: number): boolean {
  const limit = Math.min(code.length, end + 8);
  for (let index = end; index < limit; index++) {
    const char = code.charCodeAt(index);
    if (char === 40) return true;
    // Other Unicode spaces count for `\s`: leave those windows to the pattern.
    if (char >= 128) return callFollows.test(code.slice(end, end + 8));
    if (!isAsciiSpace(char)) return false;
  }
  return false;
}

/** What the reader of shape tokens keeps between tokens. */
interface ShapeReader {
  code: string;
  python: boolean;
  keywords: Set<string>;
  tokens: string[];
  afterDot: boolean;
}

/**
 * The common tokens read without the pattern (each `exec` allocates a match array): dropped
 * punctuation (brackets, `,`, `;`, a lone `.` or `:`) and ASCII words the pattern would read
 * the same way. Returns the end of the token, or -1 to leave it to the pattern.
 */
function readSimpleToken(reader: ShapeReader, position: number): number {
  const { code, python } = reader;
  const char = code.charCodeAt(position);
  const next = position + 1 < code.length ? code.charCodeAt(position + 1) : 0;
  // `.5` is a number, `...` a JS token, `:=` a Python one.
  const dot = char === 46 && !isDigit(next) && !(!python && next === 46);
  if (dot || isSoloPunctuation(char) || (char === 58 && !(python && next === 61))) {
    reader.afterDot = dot;
    return position + 1;
  }
  const end = asciiWordEnd(code, position, python);
  if (end < 0) return -1;
  const word = code.slice(position, end);
  if (reader.keywords.has(word)) reader.tokens.push(word);
  else if (reader.afterDot && callFollowsAt(code, end)) reader.tokens.push(`.${word}(`);
  else reader.tokens.push("$");
  reader.afterDot = false;
  return end;
}

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
  const reader: ShapeReader = { code, python, keywords: python ? pythonKeywords : scriptKeywords, tokens: [], afterDot: false };
  const { tokens } = reader;
  let position = 0;
  let match: RegExpExecArray | null;
  while (position < code.length) {
    // ASCII blanks are skipped by hand (the pattern's `\s+` would match them and make no
    // token, leaving `afterDot` alone): one exec per gap doubled the work and the garbage.
    while (position < code.length && isAsciiSpace(code.charCodeAt(position))) position++;
    if (position === code.length) break;
    const end = readSimpleToken(reader, position);
    if (end >= 0) {
      position = end;
      continue;
    }
    pattern.lastIndex = position;
    if (!(match = pattern.exec(code))) break;
    position = pattern.lastIndex;
    if (match[1]) continue;
    if (match[3]) tokens.push("<str>");
    else if (match[4]) tokens.push("<num>");
    else if (match[5]) {
      const word = match[5];
      if (reader.keywords.has(word)) tokens.push(word);
      else if (reader.afterDot && callFollows.test(code.slice(position, position + 8))) tokens.push(`.${word}(`);
      else tokens.push("$");
    } else if (match[6]) tokens.push(match[6]);
    reader.afterDot = match[7] === ".";
  }
  return tokens;
}
