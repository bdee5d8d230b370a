import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import type { PatternMatch } from "@/lib/domain";
import { patternMatch, snippet, type CallSite, type DetectorContext } from "./detector";
import { functionName, ownReturns, returnedValue } from "./functions";
import { classMethods, nodeTypes, parameterNames } from "./syntax";

const retryName = /retr(y|ies|ying|yer)/i;
const computedWait = /backoff|retr(y|ies)|delay|wait_?time|sleep_?time/i;
const waitWord = /delay|duration|interval|wait|timeout|backoff|sleep/i;
const strategyName = /[Bb]ackoff|^wait[_A-Z]|Wait(Strategy)?$/;

/** `time.sleep(backoff)` with `backoff = self.get_backoff_time()`: a wait for a backoff computed elsewhere. */
export function computedBackoffWait(context: DetectorContext, waits: CallSite[]): PatternMatch | undefined {
  for (const wait of waits) {
    const argument = wait.node.childForFieldName("arguments")?.namedChildren[0];
    if (!argument) continue;
    if ((argument.type === "call" || argument.type === "call_expression") && computedWait.test(argument.childForFieldName("function")?.text ?? "")) {
      return patternMatch("retry_backoff", 0.6, [`waits for a computed backoff (${snippet(wait.node.text, 50)})`]);
    }
    if (!/^[\w$]+$/.test(argument.text)) continue;
    const binding = context.find(context.family === "python" ? ["assignment"] : ["variable_declarator", "assignment_expression"]).find((node) => {
      const name = (node.childForFieldName("left") ?? node.childForFieldName("name"))?.text;
      const value = node.childForFieldName("right") ?? node.childForFieldName("value");
      return name === argument.text && node.startIndex < wait.node.startIndex && (value?.type === "call" || value?.type === "call_expression" || value?.type === "await" || value?.type === "await_expression") && computedWait.test(value.text.slice(0, 80).replace(/\(.*$/s, ""));
    });
    if (binding) return patternMatch("retry_backoff", 0.6, [`waits for a computed backoff (${snippet(binding.text, 50)})`, `then ${snippet(wait.node.text, 40)}`]);
  }
  return undefined;
}

/**
 * A retry decorator: it wraps the function it is given (returns an inner function) and the
 * wrapper hands it to a retrying callable (`Retrying(...)`, `pRetry(() => fn(...args))`).
 */
export function retryDecorator(context: DetectorContext): PatternMatch | undefined {
  const own = functionName(context.node) ?? "";
  const retrying = context.calls().find((call) => retryName.test(call.name) && call.name !== own);
  if (!retrying) return undefined;
  const inner = context.find(nodeTypes[context.family].function);
  const returnsInner = ownReturns(context.node, context.family).some((statement) => {
    const value = returnedValue(statement);
    return value !== undefined && (inner.some((fn) => fn.id === value.id || functionName(fn) === value.text) || /\.wraps?\(/.test(value.text));
  });
  if (!returnsInner) return undefined;
  const decorated = new Set([...parameterNames(context.node), ...inner.flatMap((fn) => parameterNames(fn))]);
  const handsOver = context.calls().some((call) => (call.node.childForFieldName("arguments")?.namedChildren ?? []).some((value) => decorated.has(value.text)) || decorated.has(call.callee));
  return handsOver ? patternMatch("retry_backoff", 0.65, [`wraps the function it is given and retries it through ${retrying.callee}()`]) : undefined;
}

/** A small class named for a wait strategy whose method hands back the wait (`ConstantBackoff.next()` → `instance(this.interval)`). */
export function namedWaitStrategy(classNode: SyntaxNode, family: "python" | "js"): PatternMatch | undefined {
  const name = classNode.childForFieldName("name")?.text ?? "";
  if (!strategyName.test(name)) return undefined;
  const methods = classMethods(classNode).filter((method) => !/^(__init__|constructor)$/.test(method.name));
  if (methods.length === 0 || methods.length > 6) return undefined;
  for (const method of methods) {
    const value = ownReturns(method.node, family).map((statement) => returnedValue(statement)).find((returned) => returned !== undefined && waitWord.test(returned.text));
    if (value) return patternMatch("retry_backoff", 0.65, [`${method.name}() hands back the wait (${snippet(value.text, 40)})`, `a wait strategy for retries (${name})`]);
  }
  return undefined;
}

// `next()`, `_next_wait`, `nextDelay`, `get_next_delay`, `compute_backoff`: the operation that hands out the next wait.
const nextWaitName = /^_*(next|(get|compute|calc(ulate)?)_?(next)?)_?(wait|delay|backoff|timeout|interval|sleep)?(_?time|_?ms|_?seconds)?_?$/i;
const backoffOwner = /backoff|retr(y|ies|ying)|wait|delay/i;

/**
 * The operation of a backoff that hands out the next wait: a function or method named for it
 * (`next()`, `_next_wait()`, `nextDelay()`) whose own name or whose class's says backoff,
 * retry or wait (`ExponentialBackoff.next`, `BackoffStrategy.next`, `_next_wait`), and that
 * returns a value. An iterator's `next()` in a class named for anything else is not one.
 */
export function nextWait(context: DetectorContext): PatternMatch | undefined {
  const name = functionName(context.node) ?? context.input.unit.qualname.split(".").pop() ?? "";
  if (!nextWaitName.test(name) || !/next|wait|delay|backoff|timeout|interval|sleep/i.test(name)) return undefined;
  const owner = context.input.unit.qualname.split(".").slice(0, -1).join(".");
  const named = backoffOwner.test(name) ? name : backoffOwner.test(owner) && !/(Error|Exception)$/.test(owner) ? owner : undefined;
  if (!named) return undefined;
  const value = ownReturns(context.node, context.family).map((statement) => returnedValue(statement)).find((returned) => returned !== undefined);
  if (!value) return undefined;
  return patternMatch("retry_backoff", 0.6, [`${name}() hands out the next wait of ${named === name ? "a backoff" : named} (returns ${snippet(value.text, 40)})`]);
}
