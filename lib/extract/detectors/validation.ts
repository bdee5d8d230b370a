import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import { patternMatch, type Detector, type DetectorContext } from "./detector";
import { nodeTypes, pythonDecorators } from "./syntax";

const validatorDecorator = /(^|\.)(validator|field_validator|model_validator|root_validator|validates)(\(|$)/;
const errorValue = /error|invalid|fail|violation/i;
const simpleStatements = {
  python: ["expression_statement", "return_statement", "raise_statement", "assert_statement"],
  js: ["expression_statement", "return_statement", "throw_statement", "lexical_declaration", "variable_declaration"],
} as const;

/**
 * Validation: a function whose job is checking input — guard clauses that raise/throw or
 * return error objects make up most of its body (≥2 of them), it yields errors, or it is a
 * pydantic validator. A single incidental `if x is None: raise` is not validation.
 */
export const detectValidation: Detector = (context) => {
  if (context.isClass) return undefined;
  const decorator = pythonDecorators(context.node).find((name) => validatorDecorator.test(name));
  if (decorator) return patternMatch("validation", 0.85, [`pydantic-style validator (@${decorator})`]);
  const reports = errorReports(context);
  if (reports.length === 0) return undefined;
  const yielded = reports.filter((report) => report.type === "yield" || report.type.includes("yield"));
  const allYields = context.find([context.family === "python" ? "yield" : "yield_expression"]).filter((node) => node.isNamed);
  if (yielded.length > 0 && yielded.length === allYields.length) {
    return patternMatch("validation", 0.75, [`yields validation errors (${yielded[0]!.text.slice(0, 50)})`]);
  }
  if (reports.length < 2) return undefined;
  // Share of the unit's simple statements that report errors: a validator is mostly guards,
  // a big routine with a few incidental raises is not.
  const statements = context.find(simpleStatements[context.family]).length;
  const share = reports.length / Math.max(1, statements);
  if (share < 0.3) return undefined;
  return patternMatch("validation", reports.length >= 3 ? 0.85 : 0.7, [
    `${reports.length} guard clauses reject bad input (${reports[0]!.text.replace(/\s+/g, " ").slice(0, 50)})`,
    `error reports are ${reports.length} of ${statements} statements`,
  ]);
};

/** raise/throw under an `if`, `return makeError(...)`, `errors.push(...)`, `yield ValidationError(...)`. */
function errorReports(context: DetectorContext): SyntaxNode[] {
  const python = context.family === "python";
  const reports: SyntaxNode[] = [];
  for (const statement of context.find(nodeTypes[context.family].raise)) {
    if (underGuard(statement, context)) reports.push(statement);
  }
  for (const statement of context.find(["return_statement"])) {
    const value = statement.namedChildren[0];
    if (value && underGuard(statement, context) && isErrorValue(value)) reports.push(statement);
  }
  for (const call of context.calls()) {
    if (/^(append|push)$/.test(call.name) && /errors?|problems|issues|violations/i.test(call.callee.slice(0, -call.name.length - 1))) reports.push(call.node);
  }
  for (const yielded of context.find([python ? "yield" : "yield_expression"]).filter((node) => node.isNamed)) {
    const value = yielded.namedChildren[0];
    if (value && isErrorValue(value)) reports.push(yielded);
  }
  return reports;
}

function isErrorValue(value: SyntaxNode): boolean {
  if (/^(call|call_expression|new_expression)$/.test(value.type)) {
    const callee = (value.childForFieldName("function") ?? value.childForFieldName("constructor"))?.text ?? "";
    return errorValue.test(callee.split(".").pop() ?? "");
  }
  if (value.type === "object" || value.type === "dictionary") return /^\{\s*["']?(error|err|errors)["']?\s*:/.test(value.text);
  return false;
}

/** Inside an if/else branch of the unit itself (not inside an except/catch, not in a nested function). */
function underGuard(node: SyntaxNode, context: DetectorContext): boolean {
  const functionTypes = nodeTypes[context.family].function as readonly string[];
  let guarded = false;
  for (let current = node.parent; current && current.id !== context.node.id; current = current.parent) {
    if (functionTypes.includes(current.type) || (nodeTypes[context.family].catch as readonly string[]).includes(current.type)) return false;
    if (/^(if_statement|elif_clause|else_clause|switch_case|case_clause)$/.test(current.type)) guarded = true;
  }
  return guarded;
}
