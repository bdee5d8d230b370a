import type { CodeToken } from "./code-tokens";

// In a TypeScript return type, `{` after these starts an object type, not the body.
const typeContext = new Set([":", "|", "&", "<", ",", "(", "=>", "["]);

/** Python: the header ends at the first `:` outside brackets (`def f(a: int) -> X:`, `class C(B):`). */
function pythonHeaderLength(tokens: CodeToken[]): number {
  let depth = 0;
  for (let index = 0; index < tokens.length; index++) {
    const text = tokens[index].text;
    if (text === "(" || text === "[" || text === "{") depth++;
    else if (text === ")" || text === "]" || text === "}") depth--;
    else if (text === ":" && depth === 0) return index + 1;
  }
  return 0;
}

/**
 * JS/TS: the body starts after `=>` or at the `{` that follows the parameter list (or the
 * class heading), stepping over object types in a return annotation (`): { ok: boolean } {`).
 * An arrow's expression body is kept as it is; a block body's own braces are dropped.
 */
function scriptHeaderLength(tokens: CodeToken[]): number {
  let depth = 0;
  let typeDepth = 0;
  let afterParameters = false;
  const isClass = tokens.slice(0, 6).some((token) => token.text === "class");
  for (let index = 0; index < tokens.length; index++) {
    const text = tokens[index].text;
    if (text === "(" || text === "[") depth++;
    else if (text === ")" || text === "]") {
      depth--;
      if (depth === 0 && text === ")") afterParameters = true;
    } else if (depth === 0 && text === "=>" && typeDepth === 0) return tokens[index + 1]?.text === "{" ? index + 2 : index + 1;
    else if (depth === 0 && text === "{") {
      const previous = tokens[index - 1]?.text ?? "";
      if ((afterParameters || isClass) && typeDepth === 0 && !(afterParameters && typeContext.has(previous))) return index + 1;
      typeDepth++;
    } else if (depth === 0 && text === "}") typeDepth--;
  }
  return 0;
}

/** How many leading tokens of a unit's source are its signature (decorators are never part of the code). */
export function headerLength(tokens: CodeToken[], python: boolean): number {
  return python ? pythonHeaderLength(tokens) : scriptHeaderLength(tokens);
}
