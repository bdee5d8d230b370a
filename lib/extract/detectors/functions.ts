import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import { nodeTypes, parameterNames, type Family } from "./syntax";

/** The name a function is known by: its own name, or the variable/property it is bound to. */
export function functionName(node: SyntaxNode): string | undefined {
  const own = node.childForFieldName("name");
  if (own) return own.text;
  const parent = node.parent;
  if (parent?.type === "variable_declarator") return parent.childForFieldName("name")?.text;
  if (parent?.type === "pair") return parent.childForFieldName("key")?.text;
  if (parent?.type === "assignment_expression") return parent.childForFieldName("left")?.text.split(".").pop();
  return undefined;
}

/** Function-like nodes directly nested in `node` (not inside a deeper function). */
export function nestedFunctions(node: SyntaxNode, family: Family): SyntaxNode[] {
  const types = nodeTypes[family].function as readonly string[];
  const stops = [...types, ...(nodeTypes[family].class as readonly string[])];
  // One native descendant query, then a short parent walk each: far cheaper than visiting
  // every node from JavaScript.
  return node.descendantsOfType(types as string[]).filter((candidate) => {
    if (candidate.id === node.id) return false;
    for (let current = candidate.parent; current; current = current.parent) {
      if (current.id === node.id) return true;
      if (stops.includes(current.type)) return false;
    }
    return false;
  });
}

// Several detectors ask for the same unit's returns; the list is kept per node object.
const returnsByNode = new WeakMap<SyntaxNode, SyntaxNode[]>();

/** Return statements of a function, excluding those of functions nested in it (shared, never modify it). */
export function ownReturns(node: SyntaxNode, family: Family): SyntaxNode[] {
  let returns = returnsByNode.get(node);
  if (!returns) {
    returns = readOwnReturns(node, family);
    returnsByNode.set(node, returns);
  }
  return returns;
}

function readOwnReturns(node: SyntaxNode, family: Family): SyntaxNode[] {
  const functionTypes = nodeTypes[family].function as readonly string[];
  return node.descendantsOfType("return_statement").filter((statement) => {
    for (let current = statement.parent; current; current = current.parent) {
      if (current.id === node.id) return true;
      if (functionTypes.includes(current.type)) return false;
    }
    return false;
  });
}

/** The returned expression of a return statement (undefined for a bare return). */
export function returnedValue(statement: SyntaxNode): SyntaxNode | undefined {
  return statement.namedChildren.find((child) => child.type !== "comment") ?? undefined;
}

/** An arrow function's expression body, treated as its single returned value. */
export function expressionBody(node: SyntaxNode): SyntaxNode | undefined {
  const body = node.childForFieldName("body");
  return node.type === "arrow_function" && body && body.type !== "statement_block" ? body : undefined;
}

/** Parameters of a function, for detectors that ask "does the wrapper call its argument?". */
export { parameterNames };
