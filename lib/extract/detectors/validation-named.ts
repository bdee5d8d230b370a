import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import type { PatternMatch } from "@/lib/domain";
import { patternMatch, snippet, type DetectorContext } from "./detector";
import { functionName, ownReturns, returnedValue } from "./functions";
import { nodeTypes, parameterNames } from "./syntax";
import { enclosingClass } from "./members";

// A name that says the function checks something: `validate_email`, `_validate_allowed`,
// `check_bidi`, `isValidKey`, `valid_contextj`, `_isInvalidKey`, `verify_signature`, `isEmail`.
const checkName = /^_*(validate|valid|is_?valid|is_?invalid|check|verify|ensure)(?=[_A-Z]|$)/i;
// The same said at the end of the name: `host_is_valid`, `components_are_valid`, `isPortValid`.
const checkSuffix = /[a-z0-9]_(is|are)_valid$|[a-z0-9](Is|Are)?Valid$/;
// A bare `is_x`/`isX` predicate (case-sensitive: `issue`, `isolate` are no predicates): a module-level check of a value, not an object's state or an error's class.
const barePredicate = /^_*is(?=_[a-z]|[A-Z])/;
// A call that answers yes or no: a predicate by its name (`isInt(...)`, `_is_script(...)`), a pattern test, all/any/some/every.
const predicateCall = /^(_*(is|has|valid|check)([A-Z_]\w*)?|all|any|bool|test|match|fullmatch|search|some|every|includes|startsWith|endsWith|isfile|isdir|exists|isinstance|callable)$/;
const errorCall = /^_?(error|fail|add_?error|report_?error|invalid|reject|addIssue|raise_?error)$/;
const booleanLiteral = /^(True|False|true|false)$/;

/**
 * One of many small checks (`validate_x`, `is_valid_x`, `check_x`): a function named for
 * checking its input that rejects it under a condition on a parameter (raises, reports
 * `self._error(field, ...)`, returns False or an error), or that only answers yes or no
 * (every return a boolean, a comparison or a predicate's answer: `return isInt(str, …)`,
 * `return _is_script(cp, "Greek")`). The name alone is not enough: `check_output()` runs a
 * program; a bare `is_x`/`isX` counts only as a module-level function not handed an error
 * (`is_empty(self)` reads an object's state, `isNetworkError(error)` classifies a failure).
 */
export function namedCheck(context: DetectorContext): PatternMatch | undefined {
  const name = functionName(context.node) ?? "";
  const named = checkName.test(name) || checkSuffix.test(name);
  const bare = barePredicate.test(name) && !named;
  if (!bare && !named) return undefined;
  const parameters = parameterNames(context.node).filter((parameter) => !/^(self|this|cls)$/.test(parameter));
  if (parameters.length === 0) return undefined;
  if (bare && (enclosingClass(context.node, context.family) || /^(err|error|e|exc|exception)$/i.test(parameters[0]!))) return undefined;
  const rejection = guardedRejection(context, parameters);
  if (rejection) return patternMatch("validation", 0.7, [`${name}() checks its input`, `rejects it when ${rejection}`]);
  const values = ownReturns(context.node, context.family).map((statement) => returnedValue(statement));
  if (!values.every((value) => value !== undefined && answersYesOrNo(value))) return undefined;
  if (values.length >= 2 && values.some((value) => booleanLiteral.test(value!.text))) {
    return patternMatch("validation", 0.65, [`${name}() checks its input`, `every one of its ${values.length} returns is a yes or no`]);
  }
  // A function named for checking whose answers are all worked out (`return is_valid(scheme, MATCHER)`,
  // `return all(0 <= int(byte) <= 255 for …)`): a yes or no without a literal, but no flag alone.
  const worked = values.filter((value) => !booleanLiteral.test(value!.text) && value!.type !== "identifier");
  if (!bare && values.length >= 1 && worked.length > 0) {
    return patternMatch("validation", 0.65, [`${name}() checks its input`, `it answers yes or no: ${snippet(worked[0]!.text, 40)}`]);
  }
  return undefined;
}

/** The condition of the first if that reads a parameter (or a local made from one) and rejects. */
function guardedRejection(context: DetectorContext, parameters: string[]): string | undefined {
  const reads = new RegExp(`(^|[^\\w$.])(${[...parameters, ...localsFrom(context, parameters)].map((name) => name.replace(/\$/g, "\\$")).join("|")})\\b`);
  const functionTypes = nodeTypes[context.family].function as readonly string[];
  for (const statement of context.find(["if_statement"])) {
    if (nested(statement, context.node, functionTypes)) continue;
    const condition = statement.childForFieldName("condition");
    if (!condition || !reads.test(condition.text)) continue;
    const consequence = statement.childForFieldName("consequence");
    if (consequence && rejects(consequence)) return snippet(condition.text, 40);
  }
  return undefined;
}

/** Locals assigned from an expression reading a parameter (`unallowed = set(value) - ...`). */
function localsFrom(context: DetectorContext, parameters: string[]): string[] {
  const python = context.family === "python";
  const names: string[] = [];
  for (const node of context.find(python ? ["assignment"] : ["variable_declarator"])) {
    const left = (node.childForFieldName("left") ?? node.childForFieldName("name"))?.text ?? "";
    const right = (node.childForFieldName("right") ?? node.childForFieldName("value"))?.text ?? "";
    if (/^[\w$]+$/.test(left) && parameters.some((parameter) => new RegExp(`\\b${parameter.replace(/\$/g, "\\$")}\\b`).test(right))) names.push(left);
  }
  return names;
}

function nested(node: SyntaxNode, unit: SyntaxNode, functionTypes: readonly string[]): boolean {
  for (let current = node.parent; current && current.id !== unit.id; current = current.parent) {
    if (functionTypes.includes(current.type)) return true;
  }
  return false;
}

/** A branch whose first statement raises, reports an error, or returns False or an error. */
function rejects(branch: SyntaxNode): boolean {
  const first = /^(block|statement_block)$/.test(branch.type) ? branch.namedChildren.find((child) => child.type !== "comment") : branch;
  if (!first) return false;
  if (first.type === "raise_statement" || first.type === "throw_statement") return true;
  if (first.type === "return_statement") return /^(False|false)$/.test(returnedValue(first)?.text ?? "") || /^(new\s+)?\w*(Error|Invalid)\w*\(/.test(returnedValue(first)?.text ?? "");
  const call = first.type === "expression_statement" ? first.firstNamedChild : undefined;
  if (!call || !/^(call|call_expression)$/.test(call.type)) return false;
  const callee = call.childForFieldName("function")?.text ?? "";
  return errorCall.test(callee.split(".").pop() ?? "") || /errors?\.(append|push)$/.test(callee);
}

function answersYesOrNo(value: SyntaxNode): boolean {
  if (booleanLiteral.test(value.text)) return true;
  if (/^(not_operator|comparison_operator|boolean_operator)$/.test(value.type)) return true;
  if (value.type === "unary_expression" && value.text.startsWith("!")) return true;
  if (value.type === "binary_expression") return /^[^?]*(===?|!==?|<=?|>=?|&&|\|\|)/.test(value.text);
  if (/^(call|call_expression)$/.test(value.type)) {
    const callee = (value.childForFieldName("function")?.text ?? "").replace(/^\(0,\s*([^)]+)\)$/, "$1");
    const last = callee.split(".").pop() ?? "";
    return predicateCall.test(last) || checkSuffix.test(last) || (last === "default" && /\b_?is[A-Z]/.test(callee));
  }
  // A flag the function computed (`return ok`).
  return value.type === "identifier" && /^(ok|valid|validated|is_?valid|result|matches|found)$/i.test(value.text);
}
