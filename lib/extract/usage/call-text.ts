/** At most this much of a call's arguments is kept: the facts read only their start. */
const maxArgumentsLength = 200;

/** The text between the parenthesis at `open` and its match (nesting counted, strings not), cut at 200 characters. */
export function argumentsAt(code: string, open: number): string {
  let depth = 0;
  const end = Math.min(code.length, open + 1 + maxArgumentsLength);
  for (let at = open; at < end; at++) {
    const character = code[at];
    if (character === "(" || character === "[" || character === "{") depth++;
    else if (character === ")" || character === "]" || character === "}") {
      depth--;
      if (depth === 0) return code.slice(open + 1, at);
    }
  }
  return code.slice(open + 1, end);
}

/** The 0-based line of an offset in a text. */
export function lineIndexAt(code: string, offset: number): number {
  let line = 0;
  for (let at = code.indexOf("\n"); at >= 0 && at < offset; at = code.indexOf("\n", at + 1)) line++;
  return line;
}

/** Escapes a name for use inside a regular expression. */
export function escapeName(name: string): string {
  return name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Splits a with-statement's items at the commas outside brackets. */
export function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let at = 0; at < text.length; at++) {
    const character = text[at];
    if (character === "(" || character === "[" || character === "{") depth++;
    else if (character === ")" || character === "]" || character === "}") depth--;
    else if (character === "," && depth === 0) {
      parts.push(text.slice(start, at));
      start = at + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}
