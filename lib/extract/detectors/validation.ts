import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import type { PatternMatch } from "@/lib/domain";
import { patternMatch, snippet, type Detector, type DetectorContext, type Precondition, remembered } from "./detector";
import { expressionBody, ownReturns, returnedValue } from "./functions";
import { fileIndexOf } from "./file-index";
import { classNamed } from "./members";
import { nodeTypes, parameterNames, pythonDecorators } from "./syntax";
import { guardOnly, validatorClass } from "./validation-guards";
import { namedCheck } from "./validation-named";
import { checksItsInput, isOperatorMethod } from "./validation-purpose";
import { checksByCalls } from "./validation-verdict";
import { wordGroup } from "./unit-facts";

const validatorDecorator = /(^|\.)(validator|field_validator|model_validator|root_validator|validates)(\(|$)/;
const errorValue = /error|invalid|fail|violation/i;
const simpleStatements = {
  python: ["expression_statement", "return_statement", "raise_statement", "assert_statement"],
  js: ["expression_statement", "return_statement", "throw_statement", "lexical_declaration", "variable_declaration"],
} as const;

// Every reading below needs one of these words: a validator decorator or a check's name
// (`validate`, `check`, `verify`, `ensure`), a rejection (`raise`, `throw`, `return False`, an
// error value or report, `reject`, `addIssue`, `problems`), a pattern test (`test`, `match`,
// `search`) or a `True` answer after a parse.
const validationWords = wordGroup("valid", "err", "fail", "violation", "raise", "throw", "false", "true", "reject", "issue", "problem", "test", "match", "search", "check", "verif", "ensure");

/**
 * When `detectValidation` can match: a function mentioning one of `validationWords` or holding
 * a raise/throw; a class whose file mentions one (a validator base is read from its subclasses).
 */
export const validationPrecondition: Precondition = (facts) =>
  facts.isClass ? facts.fileMentions(validationWords) : facts.mentions(validationWords) || facts.has("raise_statement", "throw_statement");

/**
 * Validation: a function whose job is checking input — guard clauses that raise/throw or
 * return error objects make up most of its body (≥2 of them), it yields errors, or it is a
 * pydantic validator; or one that checks by calling other checks or acts on a validator's
 * verdict (`checksByCalls`). A single incidental `if x is None: raise` is not validation.
 */
export const detectValidation: Detector = remembered((context) => {
  if (context.isClass) {
    const reason = validatorClass(context.node, context.family) ?? validatorBase(context);
    return reason ? patternMatch("validation", 0.75, [reason]) : undefined;
  }
  return ownChecks(context) ?? checksByCalls(context);
});

/** A function that does the checking itself: guards, error reports, a pattern test, a named check. */
function ownChecks(context: DetectorContext): PatternMatch | undefined {
  const decorator = pythonDecorators(context.node).find((name) => validatorDecorator.test(name));
  if (decorator) return patternMatch("validation", 0.85, [`pydantic-style validator (@${decorator})`]);
  const guards = isOperatorMethod(context.node) ? undefined : guardOnly(context.node, context.family);
  if (guards) return patternMatch("validation", guards.guards >= 2 ? 0.8 : 0.7, [`its body only checks its input: ${guards.guards} guard${guards.guards > 1 ? "s" : ""} (${guards.first})`]);
  const reports = errorReports(context);
  if (reports.length === 0) return formatCheck(context) ?? namedCheck(context);
  const yielded = reports.filter((report) => report.type === "yield" || report.type.includes("yield"));
  const allYields = context.find([context.family === "python" ? "yield" : "yield_expression"]).filter((node) => node.isNamed);
  if (yielded.length > 0 && yielded.length === allYields.length) {
    return patternMatch("validation", 0.75, [`yields validation errors (${yielded[0]!.text.slice(0, 50)})`]);
  }
  if (reports.length < 2) return namedCheck(context);
  // Share of the unit's simple statements that report errors: a validator is mostly guards,
  // a big routine with a few incidental raises is not.
  const statements = context.find(simpleStatements[context.family]).length;
  const share = reports.length / Math.max(1, statements);
  if (share < 0.3 || !checksItsInput(context.node, context.family, reports)) return namedCheck(context);
  return patternMatch("validation", reports.length >= 3 ? 0.85 : 0.7, [
    `${reports.length} guard clauses reject bad input (${reports[0]!.text.replace(/\s+/g, " ").slice(0, 50)})`,
    `error reports are ${reports.length} of ${statements} statements`,
  ]);
}

function mentionsName(text: string, name: string): boolean {
  return new RegExp(`(^|[^\\w$.])${name.replace(/\$/g, "\\$")}\\b`).test(text);
}

const patternCall = /\.(test|match|fullmatch|search)$|^re\.(match|fullmatch|search)$/;
const parseCall = /^(int|float|complex|Decimal|loads|parse\w*|fromisoformat|strptime|ip_address|ip_network|ip_interface|UUID|URL|b64decode|decode|atob|literal_eval)$/;

/**
 * A predicate validator: every return is a boolean and one tests a parameter against a
 * pattern (`return bool(EMAIL.match(value))`, `/^\d+$/.test(value)`), or the function returns
 * False when parsing its input fails (`try: int(value) except ValueError: return False`).
 */
function formatCheck(context: DetectorContext): PatternMatch | undefined {
  const parameters = parameterNames(context.node).filter((name) => !/^(self|this|cls)$/.test(name));
  if (parameters.length === 0) return undefined;
  const values = [...ownReturns(context.node, context.family).flatMap((statement) => returnedValue(statement) ?? []), ...[expressionBody(context.node)].flatMap((body) => body ?? [])];
  if (values.length === 0 || values.length > 6) return undefined;
  const mentions = (node: SyntaxNode) => parameters.some((name) => mentionsName(node.text, name));
  const literal = (value: SyntaxNode) => /^(True|False|true|false)$/.test(value.text);
  const tested = values.map((value) => patternTest(value, mentions)).find((node) => node !== undefined);
  if (tested && values.every((value) => literal(value) || patternTest(value, mentions) !== undefined || isBooleanExpression(value))) {
    return patternMatch("validation", 0.7, [`returns whether its input matches a pattern (${snippet(tested.text, 50)})`]);
  }
  if (!values.every(literal) || !values.some((value) => /^(True|true)$/.test(value.text))) return undefined;
  for (const statement of context.find(["try_statement"])) {
    const body = statement.childForFieldName("body");
    const parses = body && context.callsWithin(body).some((call) => parseCall.test(call.name) && mentions(call.node.childForFieldName("arguments") ?? call.node));
    const rejects = context.findWithin(statement, nodeTypes[context.family].catch).some((clause) => /return\s+(False|false)\b/.test(clause.text));
    if (parses && rejects) return patternMatch("validation", 0.65, ["returns False when its input fails to parse, True otherwise"]);
  }
  return undefined;
}

/** The regex test inside a boolean return (`bool(P.match(v))`, `!!v.match(/x/)`, `a && /x/.test(v)`), when it reads a parameter. */
function patternTest(value: SyntaxNode, mentions: (node: SyntaxNode) => boolean): SyntaxNode | undefined {
  if (/^(call|call_expression)$/.test(value.type)) {
    const callee = value.childForFieldName("function")?.text ?? "";
    if (patternCall.test(callee) && mentions(value)) return value;
    if (callee === "bool" || callee === "Boolean") return value.childForFieldName("arguments")?.namedChildren[0] ? patternTest(value.childForFieldName("arguments")!.namedChildren[0]!, mentions) : undefined;
    return undefined;
  }
  if (/^(not_operator|unary_expression|parenthesized_expression|boolean_operator|comparison_operator|binary_expression)$/.test(value.type)) {
    if ((value.type === "comparison_operator" || value.type === "binary_expression") && !/(is not None|is None|[!=]==?\s*(null|undefined|-1)|&&|\|\|)/.test(value.text)) return undefined;
    for (const child of value.namedChildren) {
      const found = patternTest(child, mentions);
      if (found) return found;
    }
  }
  return undefined;
}

function isBooleanExpression(value: SyntaxNode): boolean {
  return /^(not_operator|boolean_operator|comparison_operator)$/.test(value.type) || (value.type === "binary_expression" && /^[^?]*(===?|!==?|<=?|>=?|&&|\|\|)/.test(value.text)) || value.type === "unary_expression";
}

/** raise/throw under an `if`, `return makeError(...)`, `errors.push(...)`, `yield ValidationError(...)`. */
function errorReports(context: DetectorContext): SyntaxNode[] {
  const python = context.family === "python";
  const reports: SyntaxNode[] = [];
  for (const statement of context.find(nodeTypes[context.family].raise)) {
    // `raise error` hands on an error it was given; it rejects nothing itself.
    if (underGuard(statement, context) && !/^(raise|throw)\s+[a-z_$][\w$]*;?$/.test(statement.text)) reports.push(statement);
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

/** The base of a family of validators: ≥2 classes of its file extend it and are validator classes (`Validator` → `Regexp`, `Email`). */
function validatorBase(context: DetectorContext): string | undefined {
  const name = context.node.childForFieldName("name")?.text ?? "";
  const index = fileIndexOf(context.node, context.family);
  const validators: string[] = [];
  for (const facts of index.classes.values()) {
    if (!facts.bases.includes(name) || facts.name === name) continue;
    const node = classNamed(context.node, facts.name, context.family);
    if (node && validatorClass(node, context.family)) validators.push(facts.name);
    if (validators.length >= 3) break;
  }
  return validators.length >= 2 ? `the base of validator classes (${validators.join(", ")})` : undefined;
}
