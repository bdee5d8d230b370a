import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import type { PatternMatch } from "@/lib/domain";
import { patternMatch, snippet, type CallSite, type DetectorContext } from "./detector";
import { functionName, ownReturns, returnedValue } from "./functions";
import { nodeTypes, parameterNames } from "./syntax";

// A unit named for checking (`validate`, `_validate_claims`, `check_x`, `host_is_valid`).
const checkingName = /^_*(validate|valid|is_?valid|check|verify|ensure)(?=[_A-Z]|$)|[a-z0-9]_(is|are)_valid$|[a-z0-9](Is|Are)Valid$/i;
// A call of another check (`self._validate_iat(payload, …)`, `ensure_one_of(…, uri, …)`, `host_is_valid(host)`).
const checkCall = /^_*(validate|check|verify|ensure|assert)(?=[_A-Z]|$)|[a-z0-9]_(is|are)_valid$|[a-z0-9](Is|Are)Valid$|^_*is_?valid$/;
// Calls named like checks that do something else: run a program, schedule a coroutine, make a folder.
const notACheck = /^(check_output|check_call|ensure_future|ensure_dir\w*|ensure_ascii|assert_called\w*|assert_not_called|assert_has_calls|assert_any_call)$/;
// The narrower set whose result is a verdict to act on (`const result = validate(value, struct)`).
const verdictCall = /^_*(validate|is_?valid|check)(?=[_A-Z]|$)/;

/**
 * Validation made of other checks: a function named for checking whose work is calling other
 * checks on its input (`Validator.validate(uri)` → `check_password(uri)`, `ensure_one_of(…)`;
 * `_validate_claims` → `self._validate_exp(payload, …)`), or one that acts on a validator's
 * verdict about its input — throws what it reports (`const result = validate(value, struct);
 * if (result[0]) throw result[0]`) or answers it as a yes or no (`return !result[0]`,
 * `try: self.validate(data) except SchemaError: return False`).
 */
export function checksByCalls(context: DetectorContext): PatternMatch | undefined {
  const parameters = parameterNames(context.node).filter((name) => !/^(self|this|cls)$/.test(name));
  if (parameters.length === 0) return undefined;
  const reads = wordsPattern(parameters);
  const checks = context.calls().filter((call) => checkCall.test(call.name) && !notACheck.test(call.name) && reads.test(argumentsOf(call)) && !ownFunction(context, call.node));
  if (checks.length === 0) return undefined;
  return delegated(context, checks) ?? enforcedVerdict(context, checks) ?? answeredVerdict(context, checks);
}

/** A check-named function whose calls are mostly other checks of its input, handing back nothing or a yes/no. */
function delegated(context: DetectorContext, checks: CallSite[]): PatternMatch | undefined {
  const name = functionName(context.node) ?? "";
  if (!checkingName.test(name)) return undefined;
  const statementCalls = context.calls().filter((call) => call.node.parent?.type === "expression_statement" && !ownFunction(context, call.node));
  const checking = statementCalls.filter((call) => checks.includes(call));
  if (checking.length === 0 || checking.length * 2 < statementCalls.length) return undefined;
  if (!ownReturns(context.node, context.family).every((statement) => plainValue(returnedValue(statement)))) return undefined;
  const names = [...new Set(checking.map((call) => call.name))];
  return patternMatch("validation", 0.7, [`${name}() checks its input by calling ${names.length} other check${names.length > 1 ? "s" : ""} (${names.slice(0, 3).join(", ")})`]);
}

/** `const result = validate(value, struct); if (result[0]) throw result[0]`: it throws what a validator reports about its input. */
function enforcedVerdict(context: DetectorContext, checks: CallSite[]): PatternMatch | undefined {
  for (const [local, call] of verdictLocals(context, checks)) {
    const word = wordsPattern([local]);
    const guard = context.find(["if_statement"]).find((statement) => {
      if (ownFunction(context, statement)) return false;
      const condition = statement.childForFieldName("condition")?.text ?? "";
      const consequence = statement.childForFieldName("consequence");
      const first = consequence && /^(block|statement_block)$/.test(consequence.type) ? consequence.namedChildren.find((child) => child.type !== "comment") : consequence;
      return word.test(condition) && first !== undefined && first !== null && (nodeTypes[context.family].raise as readonly string[]).includes(first.type);
    });
    if (guard) return patternMatch("validation", 0.7, [`runs ${call.name}() on its input`, `and rejects it when the verdict says so (${snippet(guard.text, 50)})`]);
  }
  return undefined;
}

/** `return !result[0]` after `result = validate(value)`, or `try: validate(data) except …: return False` then `return True`. */
function answeredVerdict(context: DetectorContext, checks: CallSite[]): PatternMatch | undefined {
  const values = ownReturns(context.node, context.family).map((statement) => returnedValue(statement));
  if (values.length === 0 || values.some((value) => !value)) return undefined;
  for (const [local] of verdictLocals(context, checks)) {
    const word = wordsPattern([local]);
    if (values.every((value) => word.test(value!.text) && /^(unary_expression|not_operator|comparison_operator|binary_expression)$/.test(value!.type))) {
      return patternMatch("validation", 0.65, [`answers yes or no from the verdict of a check on its input (${snippet(values[0]!.text, 40)})`]);
    }
  }
  const literal = (value: SyntaxNode) => /^(True|False|true|false)$/.test(value.text);
  if (!values.every((value) => literal(value!)) || !values.some((value) => /^(True|true)$/.test(value!.text))) return undefined;
  for (const statement of context.find(["try_statement"])) {
    const body = statement.childForFieldName("body");
    const checked = body && checks.some((call) => verdictCall.test(call.name) && call.node.startIndex >= body.startIndex && call.node.endIndex <= body.endIndex);
    const rejects = context.findWithin(statement, nodeTypes[context.family].catch).some((clause) => /return\s+(False|false)\b/.test(clause.text));
    if (checked && rejects) return patternMatch("validation", 0.65, ["returns False when a check of its input fails, True otherwise"]);
  }
  return undefined;
}

/** Locals bound to a verdict call on the input (`result = self.validate(data)`), with the call. */
function verdictLocals(context: DetectorContext, checks: CallSite[]): [string, CallSite][] {
  const found: [string, CallSite][] = [];
  for (const call of checks) {
    if (!verdictCall.test(call.name)) continue;
    const binding = call.node.parent;
    const left = binding?.type === "assignment" ? binding.childForFieldName("left") : binding?.type === "variable_declarator" ? binding.childForFieldName("name") : undefined;
    if (left && /^[\w$]+$/.test(left.text)) found.push([left.text, call]);
  }
  return found;
}

function argumentsOf(call: CallSite): string {
  return call.node.childForFieldName("arguments")?.text ?? "";
}

function wordsPattern(names: string[]): RegExp {
  return new RegExp(`(^|[^\\w$.])(${names.map((name) => name.replace(/\$/g, "\\$")).join("|")})\\b`);
}

/** Whether a node lies in a function nested in the unit (its checks are that function's). */
function ownFunction(context: DetectorContext, node: SyntaxNode): boolean {
  const functionTypes = nodeTypes[context.family].function as readonly string[];
  for (let current = node.parent; current && current.id !== context.node.id; current = current.parent) {
    if (functionTypes.includes(current.type)) return true;
  }
  return false;
}

function plainValue(value: SyntaxNode | undefined): boolean {
  return !value || /^(identifier|true|false|none|null|undefined|not_operator|comparison_operator|boolean_operator|unary_expression)$/.test(value.type);
}
