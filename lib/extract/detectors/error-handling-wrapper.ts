import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import type { PatternMatch } from "@/lib/domain";
import { patternMatch, snippet, type Detector, type DetectorContext, type Precondition } from "./detector";
import { functionName, nestedFunctions } from "./functions";
import { delegatedCall, onlyLookupMisses, rejectsInput, reportOf } from "./failure-handling";
import { bodyStatements, classMethods, nodeTypes, parameterNames } from "./syntax";

/** When `detectErrorHandlingWrapper` can match: the unit holds a try statement (its first check). */
export const errorHandlingWrapperPrecondition: Precondition = (facts) => facts.has("try_statement");

/**
 * Error-handling wrapper: a function that is essentially one try around a call, whose
 * handlers convert the failure into a uniform error (`raise DomainError(...) from e`,
 * `throw new XError(..., {cause})`) or a result/fallback value, possibly logging first.
 * A try that merely passes inside a bigger algorithm is not one. A decorator whose returned
 * wrapper is such a function counts too.
 */
export const detectErrorHandlingWrapper: Detector = (context) => {
  if (context.find(["try_statement"]).length === 0) return undefined;
  if (context.isClass) return wrapperClass(context);
  const own = wrapperTry(context, context.node);
  if (own) return own;
  for (const inner of nestedFunctions(context.node, context.family)) {
    const wrapped = wrapperTry(context, inner);
    if (wrapped && parameterNames(context.node).some((name) => inner.text.includes(`${name}(`))) {
      return patternMatch("error_handling_wrapper", wrapped.confidence - 0.05, ["returns a wrapper that:", ...wrapped.evidence]);
    }
  }
  return undefined;
};

function wrapperTry(context: DetectorContext, fn: SyntaxNode): PatternMatch | undefined {
  const statements = bodyStatements(fn);
  const tries = statements.filter((statement) => statement.type === "try_statement");
  // A runner may guard each item of a batch: `for run_time in run_times: ... try: job.func() except: events.append(...)`.
  const looped = tries.length === 0 ? loopedTry(statements, context) : undefined;
  const candidates = looped ? [looped] : tries;
  if (candidates.length !== 1 || statements.length > (looped ? 6 : 4)) return undefined;
  const tryStatement = handlingTry(candidates[0]!, context);
  const body = tryStatement.childForFieldName("body") ?? tryStatement.namedChildren.find((child) => child.type === "block");
  const guarded = body ? body.namedChildren.filter((child) => child.type !== "comment") : [];
  if (!body || guarded.length === 0 || guarded.length > 5) return undefined;
  const handlers = tryStatement.namedChildren.filter((child) => (nodeTypes[context.family].catch as readonly string[]).includes(child.type));
  if (handlers.some((handler) => rejectsInput(handler)) || onlyLookupMisses(handlers, context.family)) return undefined;
  const ownName = functionName(fn);
  const call = body.descendantsOfType(["call", "call_expression", "yield", "await_expression"]).find((node) => node.isNamed);
  if (!call) return undefined;
  const delegated = delegatedCall(fn, body, context.family);
  // `try: int(v) except ValueError: return False` is a predicate over the input, not a wrapper.
  const conversions = handlers
    .map((handler) => {
      const conversion = conversionOf(handler, ownName);
      const predicate = conversion !== undefined && /instead: return (False|True|false|true|None|null)\b/.test(conversion);
      return predicate && delegated === undefined && !reportOf(handler, context.family) ? undefined : conversion;
    })
    .filter((conversion): conversion is string => conversion !== undefined);
  if (conversions.length > 0 && !looped) {
    return patternMatch("error_handling_wrapper", conversions.length >= 2 ? 0.85 : 0.75, [`wraps ${snippet(call.text, 40)} in try`, ...conversions.slice(0, 3)]);
  }
  const reports = handlers.map((handler) => reportOf(handler, context.family, delegated?.callee)).filter((report): report is string => report !== undefined);
  if (!delegated || reports.length === 0) return undefined;
  return patternMatch("error_handling_wrapper", 0.7, [`runs ${delegated.text} under try`, ...reports.slice(0, 2)]);
}

function loopedTry(statements: SyntaxNode[], context: DetectorContext): SyntaxNode | undefined {
  const loops = statements.filter((statement) => (nodeTypes[context.family].loop as readonly string[]).includes(statement.type));
  if (loops.length !== 1) return undefined;
  const inner = bodyStatements(loops[0]!).filter((statement) => statement.type === "try_statement");
  return inner.length === 1 ? inner[0] : undefined;
}

/** What a handler turns the error into, or undefined when it swallows, re-raises as is, or does other work. */
/** `try: try: yield ... except X: raise Y finally: ...` — the handling try may be nested in a cleanup try. */
function handlingTry(statement: SyntaxNode, context: DetectorContext): SyntaxNode {
  const catchTypes = nodeTypes[context.family].catch as readonly string[];
  if (statement.namedChildren.some((child) => catchTypes.includes(child.type))) return statement;
  const body = statement.childForFieldName("body") ?? statement.namedChildren.find((child) => child.type === "block");
  return body?.namedChildren.find((child) => child.type === "try_statement") ?? statement;
}

function conversionOf(handler: SyntaxNode, ownName: string | undefined): string | undefined {
  const raised = handler.descendantsOfType(["raise_statement", "throw_statement"]).find((statement) => /^(raise|throw)\s+(new\s+)?[\w$.]+\(/.test(statement.text));
  if (raised) return `converts the failure: ${snippet(raised.text, 50)}`;
  // Returning a call to itself is a retry, not a conversion.
  const retries = ownName !== undefined && new RegExp(`\\b${ownName}\\(`).test(handler.text);
  const returned = retries ? undefined : handler.descendantsOfType("return_statement").find((statement) => statement.namedChildren.length > 0);
  if (returned) return `returns a fallback/result instead: ${snippet(returned.text, 50)}`;
  return undefined;
}

/** A small class whose main method runs what it is given under error handling (a policy or executor object). */
function wrapperClass(context: DetectorContext): PatternMatch | undefined {
  const members = classMethods(context.node).filter((method) => !/^(__\w+__|constructor)$/.test(method.name) && !/^[_#]/.test(method.name));
  if (members.length === 0 || members.length > 4) return undefined;
  for (const method of members) {
    const wrapped = wrapperTry(context, method.node);
    if (wrapped) return patternMatch("error_handling_wrapper", wrapped.confidence - 0.1, [`${method.name}():`, ...wrapped.evidence]);
  }
  return undefined;
}
