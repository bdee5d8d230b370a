import type { SyntaxNode } from "@/lib/extract/syntax-tree";

const logicalOperators = new Set(["&&", "||", "??"]);
const logicalAssignments = new Set(["&&=", "||=", "??="]);

/** `&&`, `||` and `??`: the operators of ESLint's `LogicalExpression`. */
export function isLogicalOperator(operator: string | undefined): boolean {
  return operator !== undefined && logicalOperators.has(operator);
}

/**
 * ESLint's `complexity` increments for one tree-sitter node (eslint/lib/rules/complexity.js,
 * classic variant): if, ternary, loops, catch, non-default case, `&&`/`||`/`??`, logical
 * assignment, default values (`AssignmentPattern`) and each optional chain `?.`.
 */
export function eslintDecisions(node: SyntaxNode, type: string, named: SyntaxNode[], source: string): number {
  switch (type) {
    case "if_statement":
    case "for_statement":
    case "for_in_statement":
    case "while_statement":
    case "do_statement":
    case "catch_clause":
    case "ternary_expression":
    case "switch_case":
    case "assignment_pattern":
    case "object_assignment_pattern":
    case "optional_chain":
      return 1;
    case "binary_expression":
      return isLogicalOperator(operatorOf(node, named, source)) ? 1 : 0;
    case "augmented_assignment_expression":
      return logicalAssignments.has(operatorOf(node, named, source) ?? "") ? 1 : 0;
    case "required_parameter":
    case "optional_parameter":
      // TS parameters carry their default inline (`x: number = 1`) instead of an assignment_pattern.
      return node.childForFieldName("value") ? 1 : 0;
    case "call_expression":
      return optionalCall(named, source) ? 1 : 0;
    default:
      return 0;
  }
}

/** The operator between a binary node's operands, read from the text to avoid building token nodes. */
export function operatorOf(node: SyntaxNode, named: SyntaxNode[], source: string): string | undefined {
  if (named.length === 2) {
    const between = source.slice(named[0].endIndex, named[1].startIndex).trim();
    if (between.length <= 3) return between;
  }
  // A comment between the operands: fall back to the token itself.
  return node.children[1]?.type;
}

// The TS grammar writes `f?.()` with a bare `?.` token; the JS grammar gives it an
// optional_chain node, which is counted on its own.
function optionalCall(named: SyntaxNode[], source: string): boolean {
  if (named.length < 2 || named.some((child) => child.type === "optional_chain")) return false;
  return source.slice(named[0].endIndex, named[named.length - 1].startIndex).includes("?.");
}

/** For SonarSource nesting: the ids of the children one level deeper than a structure's header. */
export function cognitiveBodies(node: SyntaxNode, type: string, named: SyntaxNode[]): Set<number> | undefined {
  switch (type) {
    case "if_statement":
      return ids(node.childForFieldName("consequence"));
    case "else_clause":
      // `else if`: the inner if is charged by the else and keeps the outer if's level.
      return new Set(named.filter((child) => child.type !== "if_statement").map((child) => child.id));
    case "for_statement":
    case "for_in_statement":
    case "while_statement":
    case "do_statement":
    case "switch_statement":
    case "catch_clause":
      return ids(node.childForFieldName("body"));
    case "ternary_expression":
      return ids(node.childForFieldName("consequence"), node.childForFieldName("alternative"));
    default:
      return undefined;
  }
}

function ids(...nodes: (SyntaxNode | null)[]): Set<number> {
  const set = new Set<number>();
  for (const node of nodes) if (node) set.add(node.id);
  return set;
}
