import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import { functionName, ownReturns, returnedValue } from "./functions";
import { parameterNames, type Family } from "./syntax";

// Constructors, setters and operator methods check their arguments before doing their work;
// only `__call__` among the protocol methods is a validator's entry point.
const workingName = /^(__(?!call__)\w+__|constructor|_?set_?\w*|init\w*|__init\w*)$/;
const keywords = /^(not|and|or|is|in|None|True|False|null|undefined|typeof|instanceof|isinstance|issubclass|len|callable|hasattr|type|new|void|self|this|cls)$/;

/**
 * Whether a function that rejects input under guards is there to check it: not a constructor,
 * setter or operator method, it stores nothing on its object, its guards test what it is given
 * (a parameter or a local, not only its own state), and what it hands back is nothing, a
 * yes/no, or the value it checked — not the result of work done after the checks
 * (`return b"\xfc" + struct.pack(...)`, `return d._fix(self)`).
 */
export function checksItsInput(node: SyntaxNode, family: Family, reports: readonly SyntaxNode[]): boolean {
  if (workingName.test(functionName(node) ?? "") && !/^(set|_set)$/.test(functionName(node) ?? "")) return false;
  if (parameterNames(node).every((name) => /^(self|this|cls)$/.test(name))) return false;
  if (storesOnItself(node, family)) return false;
  const tested = reports.filter((report) => guardTestsInput(report, node));
  if (tested.length * 2 < reports.length) return false;
  return ownReturns(node, family).every((statement) => reports.includes(statement) || plainResult(returnedValue(statement)));
}

function storesOnItself(node: SyntaxNode, family: Family): boolean {
  const assignments = node.descendantsOfType(family === "python" ? ["assignment", "augmented_assignment"] : ["assignment_expression", "augmented_assignment_expression"]);
  return assignments.some((assignment) => /^(self|this)\.[#\w$]+$/.test(assignment.childForFieldName("left")?.text ?? ""));
}

/** The nearest condition above a report mentions a name that is not the object's own state. */
function guardTestsInput(report: SyntaxNode, limit: SyntaxNode): boolean {
  for (let current = report.parent; current && current.id !== limit.id; current = current.parent) {
    if (!/^(if_statement|elif_clause|while_statement)$/.test(current.type)) continue;
    const condition = current.childForFieldName("condition")?.text ?? "";
    const bare = condition.replace(/\b(self|this)\.[#\w$.]+(\([^)]*\))?/g, " ").replace(/(["'`])(?:\\.|(?!\1).)*\1/g, " ");
    return [...bare.matchAll(/[A-Za-z_$][\w$]*/g)].some((match) => !keywords.test(match[0]) && !/^[A-Z][A-Z0-9_]+$/.test(match[0]));
  }
  return false;
}

function plainResult(value: SyntaxNode | undefined): boolean {
  if (!value) return true;
  if (/^(identifier|true|false|none|null|undefined|integer|number|string|not_operator|comparison_operator|boolean_operator|unary_expression)$/.test(value.type)) return true;
  if (value.type === "binary_expression") return /(===?|!==?|<=?|>=?|&&|\|\|)/.test(value.text);
  return /^(self|this)\.[#\w$]*(errors?|valid\w*)$/i.test(value.text);
}

/** A Python protocol method other than `__call__` (`__contains__`, `__int__`): an operator, not a check. */
export function isOperatorMethod(node: SyntaxNode): boolean {
  return /^__(?!call__)\w+__$/.test(functionName(node) ?? "");
}
