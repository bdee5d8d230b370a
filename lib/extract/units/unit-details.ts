import type { CodeUnit } from "@/lib/domain";

/** The per-language facts read from a unit's own header once the walk has found it. */
export type UnitDetails = Pick<CodeUnit, "signature" | "parameters" | "returnAnnotation" | "docstring" | "decorators" | "bases" | "isAsync"> & {
  /** Set when the header alone decides it (`function*`); otherwise the walk's finding stands. */
  isGenerator?: boolean;
  /** Parameters that are the implicit receiver (`self`, `cls`, TS `this:`), left out of the count. */
  receiverParameters: number;
};

/** Collapses runs of whitespace so multi-line headers read as one line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** A decorator as one line without its `@`: `retry(attempts=5)`. */
export function decoratorText(decorator: { text: string }): string {
  return oneLine(decorator.text.replace(/^@\s*/, "")).replace(/([([{])\s+/g, "$1").replace(/\s+([)\]}])/g, "$1");
}

/** Docstring / JSDoc text with common indentation removed and surrounding blank lines dropped (like `inspect.cleandoc`). */
export function cleanDocText(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  let indent = Infinity;
  for (const line of lines.slice(1)) {
    const stripped = line.trimStart();
    if (stripped.length > 0) indent = Math.min(indent, line.length - stripped.length);
  }
  const body = lines.map((line, index) => (index === 0 ? line.trim() : indent === Infinity ? line.trim() : line.slice(indent).trimEnd()));
  while (body.length > 0 && body[0] === "") body.shift();
  while (body.length > 0 && body[body.length - 1] === "") body.pop();
  return body.join("\n");
}
