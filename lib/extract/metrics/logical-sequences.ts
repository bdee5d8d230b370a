import type { SyntaxNode } from "@/lib/extract/syntax-tree";

/**
 * SonarSource cognitive complexity charges +1 per run of like boolean operators in a flat
 * chain: `a && b && c` is 1, `a && b || c` is 2. Parenthesised groups are chains of their own.
 * `operatorOf` returns the node's boolean operator, or undefined when it is not one.
 */
export function countOperatorRuns(root: SyntaxNode, operatorOf: (node: SyntaxNode) => string | undefined): number {
  const operators: string[] = [];
  collect(root, operatorOf, operators);
  let runs = 0;
  for (let index = 0; index < operators.length; index++) {
    if (index === 0 || operators[index] !== operators[index - 1]) runs++;
  }
  return runs;
}

function collect(node: SyntaxNode, operatorOf: (node: SyntaxNode) => string | undefined, into: string[]): void {
  const operator = operatorOf(node);
  if (operator === undefined) return;
  const operands = node.namedChildren;
  collect(operands[0], operatorOf, into);
  into.push(operator);
  collect(operands[operands.length - 1], operatorOf, into);
}
