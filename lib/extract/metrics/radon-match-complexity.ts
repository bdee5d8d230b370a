import type { SyntaxNode } from "@/lib/extract/syntax-tree";

/**
 * radon counts a `match` as its number of `case`s, minus one when any case is irrefutable:
 * its pattern is a bare capture (`case _:`, `case other:`, `case (x):`), guard or not.
 */
export function radonMatchComplexity(match: SyntaxNode): number {
  const body = match.childForFieldName("body");
  if (!body) return 0;
  let cases = 0;
  let irrefutable = false;
  for (const clause of body.namedChildren) {
    if (clause.type !== "case_clause") continue;
    cases++;
    const pattern = clause.namedChildren.find((child) => child.type === "case_pattern");
    if (pattern && isBareCapture(pattern)) irrefutable = true;
  }
  return Math.max(0, cases - (irrefutable ? 1 : 0));
}

// In Python's ast these are all `MatchAs(pattern=None)`, which is what radon tests for.
function isBareCapture(pattern: SyntaxNode): boolean {
  const children = pattern.children;
  if (children.length !== 1) return false;
  const only = children[0];
  if (only.type === "_") return true;
  if (only.type === "dotted_name") return only.namedChildCount === 1;
  if (only.type === "tuple_pattern" && only.namedChildCount === 1 && !only.children.some((c) => c.type === ",")) {
    return isBareCapture(only.namedChildren[0]);
  }
  return false;
}
