import type { Language } from "@/lib/domain";
import { codeTokens, type CodeToken } from "./code-tokens";
import { headerLength } from "./unit-header";

/** One statement of a body: its tokens (a compound statement's header only, e.g. `if x:` or `for (...) {`). */
export interface BodyStatement {
  tokens: string[];
  /** True for the header of a block (`if (x) {`, `save(user) {`): JS/TS only. */
  opensBlock?: boolean;
}

/** What a unit's body does, read from its source: the facts selection and scoring rest on. */
export interface BodyFacts {
  /**
   * Statements in the body, nested ones included, without the signature, the docstring,
   * `pass`/`...`, bare `else:`/`try:` headers and closing brackets. A compound statement's
   * header counts once (`if x:` is one statement, each statement under it another).
   */
  statements: BodyStatement[];
  /** `for`/`while`/`do` statements and comprehensions. */
  loops: number;
  /** Statement-level branches and handlers: `if`, `elif`, `else if`, `switch`/`match`, `case`, `try`, `except`/`catch`, `with`. */
  branches: number;
}

// `{` after these is an object literal or a type; after anything else (`)`, `=>`, `else`, a return type) it opens a block.
const objectOpeners = new Set(["=", "(", ",", ":", "return", "[", "?", "||", "&&", "??", "...", "yield", "await", "throw", "<", "|", "&", "in", "of", "+", "typeof", "satisfies", "as", "extends", "implements", "case", "=="]);
const continuesLine = new Set([",", "(", "[", "{", "=", "=>", ".", "?.", "?", ":", "&&", "||", "??", "+", "-", "*", "/", "%", "|", "&", "^", "<", ">", "<=", ">=", "==", "===", "!=", "!==", "**", "in", "of", "instanceof", "new", "return", "throw", "await", "typeof", "!"]);
const continuesNext = new Set([".", "?.", "?", ":", "&&", "||", "??", "+", "*", "/", "%", "|", "&", "^", "=", "==", "===", "!=", "!==", "<=", ">=", "**", ")", "]", "}", "=>", "as", "satisfies", "instanceof", "in"]);
const wordStart = /^[\w$#"'`.]/;
const emptyStatements = new Set(["pass", "...", "else", "try", "finally", ";"]);

/** Counts statements with a stack of open brackets: a newline or `;` ends a statement only directly inside a block. */
class StatementReader {
  readonly statements: BodyStatement[] = [];
  private frames: ("block" | "group")[] = ["block"];
  private current: string[] = [];
  private counted = false;

  constructor(private readonly python: boolean) {}

  /** Ends the statement in progress: it counts unless it is empty, a bare `else`/`try`, `pass`, or an already counted header's tail. */
  end(opensBlock = false): void {
    // Counted without building the list of words: this runs once per statement of every unit.
    let words = 0;
    let first = "";
    for (const token of this.current) {
      if (token === "." || !wordStart.test(token)) continue;
      if (words++ === 0) first = token;
      if (words > 1) break;
    }
    const empty = words === 0 || (words === 1 && emptyStatements.has(first));
    if (!empty && !this.counted) this.statements.push(opensBlock ? { tokens: this.current, opensBlock } : { tokens: this.current });
    this.current = [];
    this.counted = false;
  }

  read(tokens: CodeToken[]): void {
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index];
      const top = this.frames[this.frames.length - 1];
      if (token.type === "newline") {
        if (top === "block" && this.endsStatement(tokens, index)) this.end();
      } else if (token.text === ";" && top === "block") this.end();
      else this.push(token, tokens[index - 1]);
    }
    this.end();
  }

  private push(token: CodeToken, previous: CodeToken | undefined): void {
    const text = token.text;
    if (text === "{" && !this.python && !(previous && (objectOpeners.has(previous.text) || previous.type === "string"))) {
      // A block: its header (`if (x)`, `=> `) is one statement, the lines inside are more.
      // After `}` the header's start was counted already, unless it opens a new branch (`} else if (y) {`, `} catch (e) {`).
      if (this.current.some((word) => word === "if" || word === "catch")) this.counted = false;
      this.end(true);
      this.frames.push("block");
      return;
    }
    if (text === "(" || text === "[" || text === "{") this.frames.push("group");
    else if (text === ")" || text === "]" || text === "}") {
      // The brace that closes the unit's own body belongs to no statement.
      if (this.frames.length === 1) return;
      if (this.frames.pop() === "block") {
        this.end();
        this.counted = true;
      }
    }
    this.current.push(text);
  }

  private endsStatement(tokens: CodeToken[], index: number): boolean {
    if (this.python) return true;
    const previous = this.lastSignificant(tokens, index - 1, -1);
    const next = this.lastSignificant(tokens, index + 1, 1);
    if (!previous || !next) return true;
    return !continuesLine.has(previous.text) && !continuesNext.has(next.text);
  }

  private lastSignificant(tokens: CodeToken[], from: number, step: number): CodeToken | undefined {
    for (let index = from; index >= 0 && index < tokens.length; index += step) if (tokens[index].type !== "newline") return tokens[index];
    return undefined;
  }
}

// A lone string does nothing: a docstring, a string used as a comment, a "use strict" directive.
const isLoneString = (statement: BodyStatement) => statement.tokens.length === 1 && /^[rRbBuUfF]*("|'|`)/.test(statement.tokens[0]);
const modifiers = new Set(["static", "async", "get", "set", "public", "private", "protected", "readonly", "override", "abstract", "*"]);

/**
 * A nested definition's own line (`def f(x):`, `class C:`, `@decorator`, a class member
 * `async save(user) {`) declares rather than does; the statements in its body count.
 */
function isDeclaration(statement: BodyStatement, python: boolean): boolean {
  const words = statement.tokens;
  if (python) return words[0] === "def" || words[0] === "class" || words[0] === "@" || (words[0] === "async" && words[1] === "def");
  if (!statement.opensBlock) return false;
  let start = 0;
  while (start < words.length - 1 && modifiers.has(words[start])) start++;
  if (!/^[#\w$]+$/.test(words[start]) || words[start + 1] !== "(" || controlWords.has(words[start])) return false;
  // `name(params)` closed within the header, then nothing or a return type: a member declaration, not a call.
  let depth = 0;
  for (let index = start + 1; index < words.length; index++) {
    if (words[index] === "(") depth++;
    else if (words[index] === ")" && --depth === 0) return index === words.length - 1 || words[index + 1] === ":";
  }
  return false;
}

const controlWords = new Set(["if", "for", "while", "switch", "catch", "with", "return", "throw", "await", "yield", "new", "typeof", "delete", "void"]);

const loopWords = new Set(["for", "while", "do"]);
const branchWords = new Set(["if", "elif", "switch", "match", "case", "try", "except", "catch", "with", "default"]);

/**
 * The body facts of a function, method or class from its source alone (so a pattern's
 * representative code can be read too): the signature is skipped, lone strings
 * (docstrings) and nested definitions' own lines are not behaviour.
 */
export function bodyFacts(code: string, language: Language): BodyFacts {
  const python = language === "python";
  const tokens = codeTokens(code, language);
  const reader = new StatementReader(python);
  reader.read(tokens.slice(headerLength(tokens, python)));
  const statements = reader.statements.filter((statement) => !isLoneString(statement) && !isDeclaration(statement, python));
  let loops = 0;
  let branches = 0;
  for (const { tokens: words } of statements) {
    const first = words[0] === "async" || words[0] === "}" ? words[1] : words[0];
    if (loopWords.has(first)) loops++;
    else if (python && words.includes("for")) loops++;
    if (branchWords.has(first)) branches++;
    else if (first === "else" && words[1] === "if") branches++;
  }
  return { statements, loops, branches };
}
