import type { SyntaxNode } from "@/lib/parse";

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
export function eslintDecisions(node: SyntaxNode, type: string, children: SyntaxNode[]): number {
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
      return isLogicalOperator(children[1]?.type) ? 1 : 0;
    case "augmented_assignment_expression":
      return logicalAssignments.has(children[1]?.type) ? 1 : 0;
    case "required_parameter":
    case "optional_parameter":
      // TS parameters carry their default inline (`x: number = 1`) instead of an assignment_pattern.
      return children.some((child) => child.type === "=") ? 1 : 0;
    case "call_expression":
      // The TS grammar writes `f?.()` with a bare `?.` token rather than an optional_chain node.
      return children.some((child) => child.type === "?.") ? 1 : 0;
    default:
      return 0;
  }
}

/** For SonarSource nesting: the ids of the children one level deeper than a structure's header. */
export function cognitiveBodies(node: SyntaxNode, type: string, children: SyntaxNode[]): Set<number> | undefined {
  switch (type) {
    case "if_statement":
      return ids(node.childForFieldName("consequence"));
    case "else_clause":
      // `else if`: the inner if is charged by the else and keeps the outer if's level.
      return new Set(children.filter((child) => child.isNamed && child.type !== "if_statement").map((child) => child.id));
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
