import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import type { PatternMatch } from "@/lib/domain";
import { patternMatch, snippet, type CallSite, type Detector, type DetectorContext, type Precondition } from "./detector";
import { classMethods, nodeTypes, parameterNames } from "./syntax";
import { expressionBody, functionName, ownReturns, returnedValue } from "./functions";
import { computedBackoffWait, namedWaitStrategy, nextWait, retryDecorator } from "./retry-shapes";
import { wordGroup } from "./unit-facts";

// `setTimeout` is matched exactly: `sock.settimeout()` is a socket option, not a wait.
const waitName = /^_*(a?sleep|wait|delay|pause)(_?(for|fn|func|ms|seconds|until))?$/i;
const retryHelper = /retr(y|ies|yable|ying)/i;
const growthName = /backoff|exponent|exp_base|factor|multiplier|attempt|retr|tries|failure|delay|interval|wait|sleep|jitter/i;
// `attempt`, `retries`, `numRetries`, `n_tries` — not `entries`.
const attemptName = /(^|[^a-z])(attempt|retr|tries|tried|failures)|[a-z](Attempt|Retr|Tries|Failures)/;
const waitGrowthName = /backoff|exp_base|multiplier|delay|interval|wait|sleep|jitter|timeout/i;

// Every rule below needs one of these words: a wait (`sleep`, `setTimeout`), an attempt
// counter, a retrying call, a wait-named growth or parameter (`delay *= 2`, `jitter`), `pow`.
const retryWords = wordGroup("sleep", "wait", "delay", "pause", "settimeout", "attempt", "retr", "tries", "tried", "failures", "backoff", "interval", "jitter", "pow");

/**
 * When `detectRetryBackoff` can match: the unit mentions one of `retryWords`, or holds an
 * exponential growth (`**`, `<<`), or is a Python generator with a `while` loop (a wait generator).
 */
export const retryBackoffPrecondition: Precondition = (facts) =>
  facts.mentions(retryWords) || facts.has("**", "<<") || (facts.family === "python" && facts.has("while_statement") && facts.has("yield"));

/**
 * Retry with backoff: a loop (or a function calling itself) that catches a failure, waits,
 * and tries again — stronger when the wait grows (`delay *= 2`, `2 ** attempt`, `Math.pow`).
 */
export const detectRetryBackoff: Detector = (context) => {
  if (context.isClass) return waitStrategy(context);
  const waits = context.calls().filter(isWait);
  const retried = (waits.length ? loopRetry(context, waits) ?? recursiveRetry(context, waits) ?? helperRetry(context, waits) : undefined) ?? countedRetry(context);
  return retried ?? delayComputation(context) ?? (waits.length ? computedBackoffWait(context, waits) : undefined) ?? retryDecorator(context) ?? nextWait(context);
};

/** A class whose method computes an exponentially growing wait (`multiplier * exp_base ** attempt`): a backoff strategy. */
function waitStrategy(context: DetectorContext): PatternMatch | undefined {
  const methods = classMethods(context.node);
  // A strategy object is small; a client class that also computes its retry delay is not one.
  if (methods.length > 6) return undefined;
  for (const method of methods) {
    const growth = returnedGrowth(context, method.node);
    if (growth) return patternMatch("retry_backoff", 0.75, [`${method.name}() computes a growing wait (${growth})`, "a backoff strategy for retries"]);
  }
  return namedWaitStrategy(context.node, context.family);
}

/** A function returning or yielding a delay that grows with the attempt (`min(cap, base * 2 ** attempt)`). */
function delayComputation(context: DetectorContext): PatternMatch | undefined {
  const growth = returnedGrowth(context, context.node);
  if (growth) return patternMatch("retry_backoff", 0.7, [`computes a wait that grows with each attempt (${growth})`]);
  return jitter(context) ?? waitGenerator(context);
}

const waitParameter = /delay|wait|interval|backoff|jitter|seconds|^value$|max_value|factor/i;

/** `full_jitter(value): return random.uniform(0, value)`: a wait randomised around its input. */
function jitter(context: DetectorContext): PatternMatch | undefined {
  const parameters = parameterNames(context.node).filter((name) => waitParameter.test(name));
  const name = functionName(context.node) ?? "";
  if (parameters.length === 0 || !/jitter|delay|wait|backoff/i.test(name + parameters.join(" "))) return undefined;
  const values = [...ownReturns(context.node, context.family).flatMap((statement) => returnedValue(statement) ?? []), ...[expressionBody(context.node)].flatMap((body) => body ?? [])];
  const random = values.find((value) => /\b(random\.(random|uniform|randint)|Math\.random)\b/.test(value.text) && parameters.some((parameter) => new RegExp(`\\b${parameter}\\b`).test(value.text)));
  return random ? patternMatch("retry_backoff", 0.65, [`randomises a wait (jitter): ${snippet(random.text, 40)}`]) : undefined;
}

/** A generator of waits: an endless loop yielding a wait built from wait parameters (`while True: yield interval`). */
function waitGenerator(context: DetectorContext): PatternMatch | undefined {
  if (context.family !== "python") return undefined;
  const parameters = parameterNames(context.node).filter((name) => waitParameter.test(name));
  if (parameters.length === 0) return undefined;
  const endless = context.find(["while_statement"]).find((loop) => /^(True|1)$/.test(loop.childForFieldName("condition")?.text ?? ""));
  const yielded = endless && context.findWithin(endless, ["yield"]).find((node) => node.namedChildren.length > 0);
  return yielded ? patternMatch("retry_backoff", 0.65, [`yields waits forever (${snippet(yielded.text, 40)})`, `from ${parameters.join(", ")}`]) : undefined;
}

const backoffUnit = /backoff|exponential|retr(y|ies|ying)|wait_|^wait|Wait[A-Z]/i;

/** The names a scope answers to: its own and its class's (`wait_exponential.__call__`). */
function unitNames(context: DetectorContext, scope: SyntaxNode): string {
  const own = functionName(scope) ?? "";
  const owner = context.isClass && scope.id === context.node.id ? context.node.childForFieldName("name")?.text ?? "" : context.input.unit.qualname;
  return `${own} ${owner}`;
}

/** An exponential growth in what a function returns or yields, naming an attempt/backoff quantity. */
function returnedGrowth(context: DetectorContext, scope: SyntaxNode): string | undefined {
  const python = context.family === "python";
  const yields = context.findWithin(scope, [python ? "yield" : "yield_expression"]);
  const outputs = [...ownReturns(scope, context.family).flatMap((statement) => returnedValue(statement) ?? []), ...[expressionBody(scope)].flatMap((body) => body ?? []), ...yields];
  if (outputs.length === 0) return undefined;
  const binary = context.findWithin(scope, [python ? "binary_operator" : "binary_expression"]);
  const backoffNamed = backoffUnit.test(unitNames(context, scope));
  const exponential = binary.find((node) => {
    const operator = node.childForFieldName("operator")?.text ?? operatorOf(node);
    // `base ** n` counts in a generator of waits or a unit named for backoff; elsewhere the exponent must name an attempt or a wait.
    const context_ = node.parent?.text ?? "";
    return (operator === "**" || operator === "<<") && (backoffNamed || attemptName.test(node.text) || waitGrowthName.test(node.text) || (yields.length > 0 && /\b(base|factor)\b/.test(`${node.text} ${context_}`)));
  }) ?? binary.find((node) => {
    // A wait growing linearly with the attempt (`self.start + self.increment * (attempt_number - 1)`).
    const operator = node.childForFieldName("operator")?.text ?? operatorOf(node);
    const sides = [node.childForFieldName("left")?.text ?? "", node.childForFieldName("right")?.text ?? ""];
    return operator === "*" && sides.some((side) => attemptName.test(side)) && sides.some((side) => !attemptName.test(side) && (waitGrowthName.test(side) || /increment|step|factor/i.test(side)));
  });
  // `this.nextDelay = this.delay * this.factor`: a wait multiplied by a factor each time.
  const multiplied = binary.find((node) => {
    const operator = node.childForFieldName("operator")?.text ?? operatorOf(node);
    return operator === "*" && /delay|backoff|wait|interval/i.test(node.text) && /factor|multiplier|exp_base|\b2\b/i.test(node.text);
  }) ?? context.findWithin(scope, [python ? "augmented_assignment" : "augmented_assignment_expression"]).find((node) => /^\S*(delay|backoff|wait|interval)\S*\s*\*=/i.test(node.text) || /^(self|this)\.\S*(delay|backoff|wait|interval)\S*\s*\+=\s*(self|this)\.\S*(delay|backoff|wait|interval)/i.test(node.text));
  const power = context.callsWithin(scope).find((call) => (call.callee === "Math.pow" || call.callee === "pow" || call.callee === "math.pow") && (backoffNamed || attemptName.test(call.node.text) || waitGrowthName.test(call.node.text)));
  const growth = exponential ?? power?.node ?? multiplied;
  if (!growth) return undefined;
  // The growth must reach the output: returned directly, or through a local the output uses.
  const bound = boundNames(context, scope, growth);
  // A grown wait kept on the instance is the next call's wait (`this.next = this.delay * this.factor; return this.delay`).
  const carried = growth === multiplied && /^(self|this)\./.test((growth.childForFieldName("left") ?? growth.parent?.childForFieldName("left"))?.text ?? "") && outputs.some((output) => /delay|backoff|wait|interval/i.test(output.text));
  const reaches = carried || outputs.some((output) => output.text.includes(growth.text) || bound.some((name) => new RegExp(`\\b${name}\\b`).test(output.text)));
  return reaches ? snippet(growth.text, 40) : undefined;
}

/** Locals holding the growth, and locals computed from those (`exp = base ** n; result = multiplier * exp`). */
function boundNames(context: DetectorContext, scope: SyntaxNode, growth: SyntaxNode): string[] {
  const names: string[] = [];
  for (const binding of context.findWithin(scope, context.family === "python" ? ["assignment", "augmented_assignment"] : ["variable_declarator", "assignment_expression", "augmented_assignment_expression"])) {
    const value = binding.childForFieldName("right") ?? binding.childForFieldName("value");
    const name = (binding.childForFieldName("left") ?? binding.childForFieldName("name"))?.text.replace(/^(self|this)\./, "").replace(/[^\w$]/g, "");
    if (!value || !name) continue;
    const holds = value.startIndex <= growth.startIndex && value.endIndex >= growth.endIndex;
    const derived = !holds && value.startIndex > growth.endIndex && names.some((bound) => new RegExp(`\\b${bound.replace(/\$/g, "\\$")}\\b`).test(value.text));
    if (holds || derived) names.push(name);
  }
  return names;
}

/** A loop that catches failures and counts attempts (`for attempt in range(retries)`), trying again without an explicit wait. */
function countedRetry(context: DetectorContext): PatternMatch | undefined {
  for (const loop of context.find(nodeTypes[context.family].loop)) {
    const caught = catchesWithin(context, loop);
    if (!caught) continue;
    const header = loopHeader(loop);
    const counter = attemptName.test(header) ? header : context.findWithin(loop, [context.family === "python" ? "augmented_assignment" : "augmented_assignment_expression", "update_expression"]).find((node) => attemptName.test(node.text))?.text;
    if (!counter) continue;
    return patternMatch("retry_backoff", 0.6, [`${loop.type.replace(/_/g, " ")} ${caught}`, `counts attempts (${snippet(counter, 40)}) and tries again`]);
  }
  return undefined;
}

/** The part of a loop before its body (`for attempt in range(retries)`, `while (retries-- > 0)`). */
function loopHeader(loop: SyntaxNode): string {
  const body = loop.childForFieldName("body");
  return body ? loop.text.slice(0, body.startIndex - loop.startIndex) : loop.text.slice(0, 80);
}

function isWait(call: CallSite): boolean {
  return (waitName.test(call.name) || call.name === "setTimeout") && !call.isNew;
}

function loopRetry(context: DetectorContext, waits: CallSite[]): PatternMatch | undefined {
  for (const loop of context.find(nodeTypes[context.family].loop)) {
    const wait = waits.find((call) => inside(loop, call.node));
    if (!wait) continue;
    const caught = catchesWithin(context, loop);
    if (caught) return retryMatch(context, loop, wait, [`${loop.type.replace(/_/g, " ")} ${caught}`]);
    // No try/catch: a loop that checks the outcome, counts attempts and waits longer each time.
    const header = loopHeader(loop);
    const counted = attemptName.test(header) || context.findWithin(loop, [context.family === "python" ? "augmented_assignment" : "augmented_assignment_expression", "update_expression"]).some((node) => attemptName.test(node.text));
    const growth = growthWithin(context, loop);
    if (counted && growth) return retryMatch(context, loop, wait, [`${loop.type.replace(/_/g, " ")} counts attempts and tries again`]);
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
