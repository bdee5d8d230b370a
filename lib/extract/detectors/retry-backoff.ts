import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import type { PatternMatch } from "@/lib/domain";
import { patternMatch, snippet, type CallSite, type Detector, type DetectorContext } from "./detector";
import { nodeTypes } from "./syntax";
import { functionName } from "./functions";

// `setTimeout` is matched exactly: `sock.settimeout()` is a socket option, not a wait.
const waitName = /^_*(a?sleep|wait|delay|pause)$/i;
const retryHelper = /retr(y|ies|yable|ying)/i;
const growthName = /backoff|exponent|factor|multiplier|attempt|retr|tries|failure/i;

/**
 * Retry with backoff: a loop (or a function calling itself) that catches a failure, waits,
 * and tries again — stronger when the wait grows (`delay *= 2`, `2 ** attempt`, `Math.pow`).
 */
export const detectRetryBackoff: Detector = (context) => {
  if (context.isClass) return undefined;
  const waits = context.calls().filter(isWait);
  if (waits.length === 0) return undefined;
  return loopRetry(context, waits) ?? recursiveRetry(context, waits) ?? helperRetry(context, waits);
};

function isWait(call: CallSite): boolean {
  return (waitName.test(call.name) || call.name === "setTimeout") && !call.isNew;
}

function loopRetry(context: DetectorContext, waits: CallSite[]): PatternMatch | undefined {
  for (const loop of context.find(nodeTypes[context.family].loop)) {
    const wait = waits.find((call) => inside(loop, call.node));
    const caught = wait && catchesWithin(context, loop);
    if (!wait || !caught) continue;
    return retryMatch(context, loop, wait, [`${loop.type.replace(/_/g, " ")} ${caught}`]);
  }
  return undefined;
}

function recursiveRetry(context: DetectorContext, waits: CallSite[]): PatternMatch | undefined {
  const scopes = [context.node, ...context.find(nodeTypes[context.family].function)];
  for (const scope of scopes) {
    const name = functionName(scope);
    if (!name) continue;
    const again = context.callsWithin(scope).find((call) => call.name === name && /^((self|this)\.)?[\w$]+$/.test(call.callee));
    const wait = waits.find((call) => inside(scope, call.node));
    const caught = catchesWithin(context, scope);
    if (!again || !wait || !caught) continue;
    return retryMatch(context, scope, wait, [`${name}() ${caught} and calls itself again (${snippet(again.node.text, 40)})`]);
  }
  return undefined;
}

function helperRetry(context: DetectorContext, waits: CallSite[]): PatternMatch | undefined {
  for (const call of context.calls()) {
    if (!retryHelper.test(call.name) || isWait(call)) continue;
    const callback = call.node.childForFieldName("arguments")?.namedChildren.find((argument) => argument.type.includes("function"));
    const wait = callback && waits.find((site) => inside(callback, site.node));
    const growth = wait && growthWithin(context, callback);
    if (!wait || !growth) continue;
    return patternMatch("retry_backoff", 0.75, [
      `passes ${call.callee}() an attempt callback`,
      `callback waits with ${snippet(wait.node.text, 50)}`,
      `delay grows (${growth})`,
    ]);
  }
  return undefined;
}

function retryMatch(context: DetectorContext, scope: SyntaxNode, wait: CallSite, evidence: string[]): PatternMatch {
  evidence.push(`waits with ${snippet(wait.node.text, 50)}`);
  const growth = growthWithin(context, scope) ?? growthWithin(context, context.node);
  if (!growth) return patternMatch("retry_backoff", 0.6, evidence);
  evidence.push(`delay grows each attempt (${growth})`);
  return patternMatch("retry_backoff", 0.9, evidence);
}

/** "catches X" when a try/except (or a promise `.catch`) lies inside the scope. */
function catchesWithin(context: DetectorContext, scope: SyntaxNode): string | undefined {
  const clause = context.findWithin(scope, nodeTypes[context.family].catch)[0];
  if (clause) {
    const caught = clause.childForFieldName("value") ?? clause.childForFieldName("parameter") ?? clause.namedChildren[0];
    return caught && caught.type !== "block" ? `catches ${snippet(caught.text, 40)}` : "catches every error";
  }
  const promiseCatch = context.callsWithin(scope).find((call) => call.name === "catch" && call.callee.includes("."));
  return promiseCatch ? "catches the rejected promise (.catch)" : undefined;
}

/** The first syntax in the scope that makes a delay grow, as text. */
function growthWithin(context: DetectorContext, scope: SyntaxNode): string | undefined {
  const python = context.family === "python";
  const augmented = context.findWithin(scope, [python ? "augmented_assignment" : "augmented_assignment_expression"]);
  const multiplying = augmented.find((node) => /^(\*\*|\*|<<)=$/.test(node.childForFieldName("operator")?.text ?? operatorOf(node)));
  if (multiplying) return snippet(multiplying.text, 40);
  const binary = context.findWithin(scope, [python ? "binary_operator" : "binary_expression"]).find(isGrowingProduct);
  if (binary) return snippet(binary.text, 40);
  const call = context.callsWithin(scope).find((site) => site.callee === "Math.pow" || /backoff|exponential/i.test(site.name));
  return call ? snippet(call.node.text, 40) : undefined;
}

function isGrowingProduct(node: SyntaxNode): boolean {
  const operator = node.childForFieldName("operator")?.text ?? operatorOf(node);
  if (operator === "**" || operator === "<<") return true;
  if (operator !== "*") return false;
  const sides = [node.childForFieldName("left")?.text ?? "", node.childForFieldName("right")?.text ?? ""];
  return sides.some((side) => /^2(\.0)?$/.test(side) || growthName.test(side));
}

function operatorOf(node: SyntaxNode): string {
  return node.children.find((child) => !child.isNamed)?.text ?? "";
}

function inside(outer: SyntaxNode, inner: SyntaxNode): boolean {
  return inner.startIndex >= outer.startIndex && inner.endIndex <= outer.endIndex;
}
