import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import type { PatternMatch } from "@/lib/domain";
import { patternMatch, snippet, type Detector, type DetectorContext } from "./detector";
import { functionName, nestedFunctions } from "./functions";
import { bodyStatements, nodeTypes, parameterNames } from "./syntax";

/**
 * Error-handling wrapper: a function that is essentially one try around a call, whose
 * handlers convert the failure into a uniform error (`raise DomainError(...) from e`,
 * `throw new XError(..., {cause})`) or a result/fallback value, possibly logging first.
 * A try that merely passes inside a bigger algorithm is not one. A decorator whose returned
 * wrapper is such a function counts too.
 */
export const detectErrorHandlingWrapper: Detector = (context) => {
  if (context.isClass || context.find(["try_statement"]).length === 0) return undefined;
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
  if (tries.length !== 1 || statements.length > 4) return undefined;
  const tryStatement = handlingTry(tries[0]!, context);
  const body = tryStatement.childForFieldName("body") ?? tryStatement.namedChildren.find((child) => child.type === "block");
  const guarded = body ? body.namedChildren.filter((child) => child.type !== "comment") : [];
  if (guarded.length === 0 || guarded.length > 5) return undefined;
  const handlers = tryStatement.namedChildren.filter((child) => (nodeTypes[context.family].catch as readonly string[]).includes(child.type));
  const ownName = functionName(fn);
  const conversions = handlers.map((handler) => conversionOf(handler, ownName)).filter((conversion): conversion is string => conversion !== undefined);
  const call = body?.descendantsOfType(["call", "call_expression", "yield", "await_expression"]).find((node) => node.isNamed);
  if (conversions.length === 0 || !call) return undefined;
  return patternMatch("error_handling_wrapper", conversions.length >= 2 ? 0.85 : 0.75, [
    `wraps ${call ? snippet(call.text, 40) : "its work"} in try`,
    ...conversions.slice(0, 3),
  ]);
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
