import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import type { PatternMatch } from "@/lib/domain";
import { patternMatch, snippet, type Detector, type DetectorContext } from "./detector";
import { parameterNames } from "./syntax";

const addMethod = /^(append|push|add|set|setdefault|insert|unshift)$/;

/**
 * Observer: a registry of callbacks — a method/closure that stores a function argument in
 * a collection — and a notify path that iterates that collection calling each one. A class
 * that only notifies through an inherited registry, or extends EventEmitter and emits,
 * counts as weaker evidence.
 */
export const detectObserverEvent: Detector = (context) => {
  const functionTypes = context.family === "python" ? ["function_definition"] : ["method_definition", "function_expression", "arrow_function", "function_declaration"];
  const registrations = registrationsOf(context, functionTypes);
  // A function without registrations can match nothing; only classes look further.
  if (registrations.length === 0 && !context.isClass) return undefined;
  const notifications = notificationsOf(context);
  if (registrations.length && notifications.length) {
    const shared = notifications.find((notify) => registrations.some((registry) => notify.iterated.includes(registry.collection)));
    const notify = shared ?? notifications[0]!;
    return patternMatch("observer_event", shared ? 0.9 : 0.8, [
      `registers callbacks: ${registrations[0]!.text}`,
      `notifies by iterating ${snippet(notify.iterated, 40)} and calling each (${snippet(notify.text, 40)})`,
    ]);
  }
  if (!context.isClass) return undefined;
  return inheritedRegistry(context, registrations, notifications);
};

function inheritedRegistry(context: DetectorContext, registrations: Registration[], notifications: Notification[]): PatternMatch | undefined {
  const extendsText = context.node.namedChildren.find((child) => child.type === "class_heritage" || child.type === "argument_list")?.text ?? "";
  const instanceNotify = notifications.find((notify) => /^(self|this)\./.test(notify.iterated));
  if (instanceNotify && extendsText) {
    return patternMatch("observer_event", 0.65, [`notifies inherited listeners: iterates ${snippet(instanceNotify.iterated, 40)} calling each`]);
  }
  const unsubscribes = registrations.find((registration) => registration.returnsRemoval);
  if (unsubscribes) {
    return patternMatch("observer_event", 0.65, [`registers callbacks: ${unsubscribes.text}`, "returns an unsubscribe function"]);
  }
  if (/\bEventEmitter\b/.test(extendsText) && context.calls().some((call) => /^(this|self)\.emit$/.test(call.callee))) {
    return patternMatch("observer_event", 0.55, ["extends EventEmitter and emits events (this.emit)"]);
  }
  return undefined;
}

interface Registration {
  collection: string;
  text: string;
  returnsRemoval: boolean;
}

/** Functions that store one of their parameters in a collection (`self._callbacks.append(fn)`). */
function registrationsOf(context: DetectorContext, functionTypes: string[]): Registration[] {
  const found: Registration[] = [];
  for (const call of context.calls()) {
    if (!addMethod.test(call.name) || call.isNew) continue;
    let fn: SyntaxNode | null = call.node.parent;
    while (fn && fn.id !== context.node.id && !functionTypes.includes(fn.type)) fn = fn.parent;
    if (!fn) continue;
    const parameters = new Set(parameterNames(fn));
    {
      const values = call.node.childForFieldName("arguments")?.namedChildren ?? [];
      const stored = values.some((value) => parameters.has(value.text) || (value.type === "tuple" && value.namedChildren.some((item) => parameters.has(item.text))));
      if (!stored) continue;
      const collection = collectionName(call.callee.slice(0, -call.name.length - 1));
      const returnsRemoval = /return\s+(\(\)\s*=>|function|lambda)[^]*?(delete|remove|splice|filter)/.test(fn.text);
      found.push({ collection, text: snippet(call.node.text, 50), returnsRemoval });
    }
  }
  return found;
}

/** `(all[type] || (all[type] = []))` → `all`; `self._callbacks` stays. */
function collectionName(receiver: string): string {
  return /[A-Za-z_$#][\w$#.]*/.exec(receiver.replace(/^\(+/, ""))?.[0] ?? receiver;
}

interface Notification {
  iterated: string;
  text: string;
}

/** Loops (or forEach/map callbacks) over a collection that call each element. */
function notificationsOf(context: DetectorContext): Notification[] {
  const found: Notification[] = [];
  const python = context.family === "python";
  for (const loop of context.find(python ? ["for_statement"] : ["for_in_statement"])) {
    const variable = loop.childForFieldName("left");
    const iterated = loop.childForFieldName("right")?.text ?? "";
    const names = variable ? variableNames(variable) : [];
    const invoked = invokedWithin(loop.childForFieldName("body"), names);
    if (invoked) found.push({ iterated, text: invoked });
  }
  for (const call of context.calls()) {
    if (!/^(forEach|map)$/.test(call.name) || call.isNew) continue;
    const callback = call.node.childForFieldName("arguments")?.namedChildren[0];
    if (!callback || !/function|arrow_function/.test(callback.type)) continue;
    const invoked = invokedWithin(callback.childForFieldName("body"), parameterNames(callback).slice(0, 1));
    if (invoked) found.push({ iterated: call.callee.slice(0, -call.name.length - 1), text: invoked });
  }
  return found;
}

function variableNames(node: SyntaxNode): string[] {
  if (node.type === "identifier") return [node.text];
  return node.descendantsOfType("identifier").map((identifier) => identifier.text);
}

/** The text of a call that invokes one of `names` (`cb(...)`, `listener.call(...)`, `loop.call_soon(cb, ...)`). */
function invokedWithin(body: SyntaxNode | null, names: string[]): string | undefined {
  if (!body || names.length === 0) return undefined;
  for (const call of body.descendantsOfType(["call", "call_expression"])) {
    const callee = call.childForFieldName("function")?.text ?? "";
    if (names.includes(callee) || names.some((name) => callee === `${name}.call` || callee === `${name}.apply`)) return call.text;
    const first = call.childForFieldName("arguments")?.namedChildren[0]?.text;
    if (first && names.includes(first) && /call_soon|submit|run_in_executor|queueMicrotask|schedule/.test(callee)) return call.text;
  }
  return undefined;
}
