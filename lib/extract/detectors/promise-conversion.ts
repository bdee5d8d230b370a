import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import type { PatternMatch } from "@/lib/domain";
import { patternMatch, snippet, type DetectorContext } from "./detector";
import { calleeText, parameterNames } from "./syntax";

const timer = /^(setTimeout|setImmediate|setInterval|queueMicrotask|process\.nextTick|requestAnimationFrame)$/;
const promiseMethod = /^(then|catch|finally|call|apply|all|race|allSettled|any)$/;
const functionTypes = /^(arrow_function|function_expression|function)$/;

/**
 * A callback↔promise converter: returns `new Promise((resolve, reject) => api(..., (err, v) =>
 * err ? reject(err) : resolve(v)))` (or hands an event handler that settles it), or turns a
 * promise back into a Node-style callback (`p.then((v) => cb(null, v), cb)`); in Python, a
 * callback that settles a future (`fut.set_result(...)`). Timers alone (`sleep`) do not count.
 */
export function promiseConversion(context: DetectorContext): PatternMatch | undefined {
  if (context.family === "python") return undefined;
  for (const call of context.calls()) {
    if (!call.isNew || call.callee !== "Promise") continue;
    if (!returnedFromUnit(call.node, context.node) && !settledForTheUnit(call.node, context)) continue;
    const executor = call.node.childForFieldName("arguments")?.namedChildren[0];
    if (!executor || !functionTypes.test(executor.type)) continue;
    const settlers = parameterNames(executor).slice(0, 2);
    if (settlers.length === 0) continue;
    const wired = wiredCallback(context, executor, settlers);
    if (wired) return patternMatch("adapter", 0.8, [`returns a Promise that adapts a callback API: ${wired}`, `the callback settles it through ${settlers.join("/")}`]);
  }
  return callbackFromPromise(context) ?? promisified(context);
}

/**
 * `const close = promisify((cb) => connection.close(cb)); return close()`: a callback API turned
 * into a promise with Node's `promisify` (or `pify`), and the promise handed back or awaited.
 */
function promisified(context: DetectorContext): PatternMatch | undefined {
  for (const call of context.calls()) {
    if (!/^(promisify|pify)$/.test(call.name) || call.isNew) continue;
    const target = call.node.childForFieldName("arguments")?.namedChildren[0];
    if (!target) continue;
    const wrapped = functionTypes.test(target.type) ? handsOnItsCallback(target) : /^[\w$.]+$/.test(target.text) ? target.text : undefined;
    if (!wrapped) continue;
    const holder = call.node.parent?.type === "variable_declarator" ? call.node.parent.childForFieldName("name")?.text : undefined;
    const used = call.node.parent?.type === "call_expression" || (holder !== undefined && context.calls().some((other) => other.callee === holder));
    if (used) return patternMatch("adapter", 0.75, [`turns a callback API into a promise with ${call.name}(${snippet(wrapped, 40)})`]);
  }
  return undefined;
}

/** `(cb) => connection.close(cb)`: the API call a function makes, handing it the callback it was given. */
function handsOnItsCallback(node: SyntaxNode): string | undefined {
  const callback = parameterNames(node).at(-1);
  if (!callback) return undefined;
  const call = node.descendantsOfType("call_expression").find((inner) => (inner.childForFieldName("arguments")?.namedChildren ?? []).some((argument) => argument.text === callback));
  return call ? calleeText(call) : undefined;
}

/** The API call (or handler assignment) inside the executor that is handed a callback settling the promise. */
function wiredCallback(context: DetectorContext, executor: SyntaxNode, settlers: string[]): string | undefined {
  // A callback that settles: error-first (`(err, value) => ...`), or one that can both resolve and reject.
  const settles = (node: SyntaxNode): boolean => {
    if (!functionTypes.test(node.type)) return false;
    const used = new Set(node.descendantsOfType("identifier").map((identifier) => identifier.text));
    const errorFirst = /^(err|error|e|er|ex)$/i.test(parameterNames(node)[0] ?? "");
    return (errorFirst && settlers.some((settler) => used.has(settler))) || settlers.every((settler) => used.has(settler));
  };
  for (const call of context.callsWithin(executor)) {
    // A constructor counts too (`new sqlite3.Database(file, flags, (err) => …)`), the promise itself not.
    if (call.node.id === executor.id || settlers.includes(call.callee) || timer.test(call.callee) || (call.isNew && call.callee === "Promise") || promiseMethod.test(propertyName(call.node) ?? call.name)) continue;
    const handed = call.node.childForFieldName("arguments")?.namedChildren.find(settles);
    if (handed) return `${snippet(call.callee, 40)}(…, a callback)`;
  }
  for (const assignment of executor.descendantsOfType("assignment_expression")) {
    const left = assignment.childForFieldName("left")?.text ?? "";
    const right = assignment.childForFieldName("right");
    // `request.onload = () => resolve(...)`, `query.callback = (err, rows) => err ? reject(err) : resolve(rows)`.
    if (/\.[\w$]+$/.test(left) && right && settles(right)) return `${snippet(left, 40)} = a handler`;
  }
  return undefined;
}

/** `a.b(...).then` → then, read from the member expression (callee text may hold whole callbacks). */
function propertyName(call: SyntaxNode): string | undefined {
  return call.childForFieldName("function")?.childForFieldName("property")?.text;
}

/**
 * `const result = new Promise(...); ...; return result` or a top-level `await new Promise(...)`:
 * the promise is still what the unit hands back or waits for (not one created deep inside a loop).
 */
function settledForTheUnit(node: SyntaxNode, context: DetectorContext): boolean {
  const parent = node.parent;
  if (parent?.type === "await_expression") {
    const statement = parent.parent;
    return statement?.type === "expression_statement" && statement.parent?.parent?.id === context.node.id;
  }
  if (parent?.type === "variable_declarator" || parent?.type === "assignment_expression") {
    const name = (parent.childForFieldName("name") ?? parent.childForFieldName("left"))?.text ?? "";
    if (!/^[\w$]+$/.test(name)) return false;
    return context.find(["return_statement"]).some((statement) => statement.namedChildren[0]?.text === name);
  }
  return false;
}

function returnedFromUnit(node: SyntaxNode, unit: SyntaxNode): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === "return_statement") return true;
  return parent.type === "arrow_function" && parent.childForFieldName("body")?.id === node.id && parent.id !== unit.id ? true : parent.id === unit.id && parent.type === "arrow_function";
}

/** `promise.then((value) => callback(null, value), callback)`: a promise API exposed as a Node-style callback. */
function callbackFromPromise(context: DetectorContext): PatternMatch | undefined {
  const parameters = new Set(parameterNames(context.node));
  for (const call of context.calls()) {
    if (call.name !== "then" || call.isNew) continue;
    const handlers = call.node.childForFieldName("arguments")?.namedChildren ?? [];
    const nodeStyle = handlers.some((handler) =>
      handler.descendantsOfType("call_expression").some((inner) => parameters.has(calleeText(inner)) && /^\(\s*null\b/.test(inner.childForFieldName("arguments")?.text ?? "")),
    );
    if (nodeStyle) return patternMatch("adapter", 0.75, ["adapts a promise to a Node-style callback (callback(null, value) on success)"]);
  }
  return undefined;
}
