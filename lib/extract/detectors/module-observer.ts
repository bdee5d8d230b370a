import type { PatternMatch } from "@/lib/domain";
import { patternMatch, snippet, type DetectorContext } from "./detector";
import { ownReturns, returnedValue } from "./functions";
import { callbackCollection, callbackParameter, type Notification, type Registration, type Removal } from "./callback-registry";
import { calleeText, lastSegment, nodeTypes, parameterNames, type Family } from "./syntax";
import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import { registrationsIn } from "./callback-registry";

/** What a function registers, unregisters and dispatches itself. */
export interface OwnRegistry {
  registrations: Registration[];
  removals: Removal[];
  notifications: Notification[];
}

/** A module-level function: a decorator-style registrar (`def before_x(f): hooks.append(f); return f`) or a dispatcher over a callback list. */
export function moduleObserver(context: DetectorContext, own: OwnRegistry): PatternMatch | undefined {
  for (const registration of own.registrations) {
    if (registration.owner.id !== context.node.id) continue;
    const named = callbackParameter.test(registration.parameter) || callbackCollection.test(registration.collection);
    if (named && returnsParameter(context, registration.parameter)) {
      return patternMatch("observer_event", 0.75, [`registers callbacks: ${registration.text}`, `returns ${registration.parameter}, so it works as a decorator`]);
    }
    if (registration.keyed && callbackParameter.test(registration.parameter)) {
      return patternMatch("observer_event", 0.7, [`registers callbacks per event: ${registration.text}`]);
    }
  }
  for (const registration of own.registrations) {
    // `def subscribe(fn): _subscribers.append(fn)`: a callback stored in a module-level callback collection.
    if (registration.owner.id === context.node.id && !registration.collection.startsWith("@") && callbackParameter.test(registration.parameter) && callbackCollection.test(registration.collection)) {
      return patternMatch("observer_event", 0.65, [`registers callbacks: ${registration.text}`]);
    }
  }
  const registrar = subscribingRegistrar(context) ?? delegatedRegistration(context);
  if (registrar) return registrar;
  const removal = own.removals.find((candidate) => !candidate.collection.startsWith("@") && callbackCollection.test(candidate.collection));
  if (removal) return patternMatch("observer_event", 0.65, [`unregisters callbacks: ${removal.text}`]);
  // Each element called itself, or — the collection holding callbacks by its name — a method of it (`hook_impl.function(*args)`).
  const notification = own.notifications.find((candidate) => candidate.passesArguments && (callbackCollection.test(candidate.collection) || callbackCollection.test(candidate.iterated)));
  if (notification) return patternMatch("observer_event", notification.direct ? 0.65 : 0.6, [`dispatches: iterates ${snippet(notification.iterated, 40)} calling each (${snippet(notification.text, 40)})`]);
  return handedCallbacks(context, own.notifications);
}

/**
 * A function given the callbacks to call (`def _call_handlers(handlers, details): for h in
 * handlers: h(details)`): it loops over one of its parameters and calls each element with the
 * same arguments, ignoring what they return (a pipeline `value = fn(value)` is no dispatch).
 */
function handedCallbacks(context: DetectorContext, notifications: Notification[]): PatternMatch | undefined {
  const parameters = new Set(parameterNames(context.node));
  const notification = notifications.find((candidate) => {
    if (!candidate.direct || !candidate.passesArguments || !parameters.has(candidate.collection)) return false;
    const call = candidate.node.descendantsOfType(nodeTypes[context.family].call as unknown as string[]).find((node) => node.text === candidate.text);
    return call?.parent?.type === "expression_statement";
  });
  return notification ? patternMatch("observer_event", 0.6, [`dispatches: calls each of the callbacks it is given (${snippet(notification.text, 40)})`]) : undefined;
}

const subscriptionCall = /^(listen|subscribe|connect|on|once|add_?(event_?)?listener|add_?(event_?)?handler|add_?hook|register_?(hook|listener|handler|callback)|addEventListener|addListener|addHook)$/i;

/**
 * A decorator-style registrar handing the function to a subscription call and returning it
 * (`def decorate(fn): listen(target, name, fn); return fn`), or a factory of one (`listens_for`).
 */
export function subscribingRegistrar(context: DetectorContext): PatternMatch | undefined {
  if (!context.calls().some((site) => subscriptionCall.test(site.name))) return undefined;
  for (const scope of [context.node, ...context.find(nodeTypes[context.family].function)]) {
    const first = parameterNames(scope).find((name) => name !== "self" && name !== "this" && name !== "cls");
    if (!first || !callbackParameter.test(first)) continue;
    const returned = ownReturns(scope, context.family).some((statement) => returnedValue(statement)?.text === first);
    if (!returned) continue;
    const call = context.callsWithin(scope).find((site) => subscriptionCall.test(site.name) && (site.node.childForFieldName("arguments")?.namedChildren ?? []).some((value) => value.text === first));
    if (call) return patternMatch("observer_event", 0.7, [`registers the function it decorates as a listener (${snippet(call.node.text, 50)})`, `returns ${first}, so it works as a decorator`]);
  }
  return undefined;
}

function returnsParameter(context: DetectorContext, parameter: string): boolean {
  return ownReturns(context.node, context.family).some((statement) => returnedValue(statement)?.text === parameter);
}


const registrarsByTree = new WeakMap<SyntaxNode["tree"], Map<string, boolean>>();

/** Whether the file's top-level function `name` stores a callback it is given (`function addListener(emitter, event, fn) { … push(listener) }`). */
function isFileRegistrar(root: SyntaxNode, name: string, family: Family): boolean {
  let known = registrarsByTree.get(root.tree);
  if (!known) registrarsByTree.set(root.tree, (known = new Map()));
  if (known.has(name)) return known.get(name)!;
  const declaration = root.namedChildren.find((child) => nodeTypes[family].namedFunction.includes(child.type as never) && child.childForFieldName("name")?.text === name);
  let registers = false;
  if (declaration) {
    const calls = declaration.descendantsOfType(nodeTypes[family].call as unknown as string[]).map((node) => {
      const callee = calleeText(node);
      return { node, callee, name: lastSegment(callee), isNew: node.type === "new_expression" };
    });
    registers = registrationsIn(calls, declaration, family).some((registration) => registration.owner.id === declaration.id && (callbackParameter.test(registration.parameter) || callbackCollection.test(registration.collection)));
  }
  known.set(name, registers);
  return registers;
}

/**
 * A function or ES5 method handing its callback to a file-level function that stores it
 * (`EventEmitter.prototype.on = function (event, fn) { return addListener(this, event, fn) }`).
 */
function delegatedRegistration(context: DetectorContext): PatternMatch | undefined {
  const callbacks = parameterNames(context.node).filter((name) => callbackParameter.test(name));
  if (callbacks.length === 0) return undefined;
  const root = context.node.tree.rootNode;
  const call = context.calls().find((site) => !site.isNew && /^[A-Za-z_$][\w$]*$/.test(site.callee)
    && (site.node.childForFieldName("arguments")?.namedChildren ?? []).some((value) => callbacks.includes(value.text))
    && isFileRegistrar(root, site.callee, context.family));
  return call ? patternMatch("observer_event", 0.65, [`registers callbacks through ${snippet(call.node.text, 50)}`, `${call.callee}() stores the callback it is given`]) : undefined;
}
