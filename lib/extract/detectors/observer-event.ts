import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import type { PatternMatch } from "@/lib/domain";
import { patternMatch, snippet, type CallSite, type Detector, type DetectorContext } from "./detector";
import { ownReturns, returnedValue } from "./functions";
import { callbackCollection, callbackParameter, notificationsIn, registrationsIn, removalsIn, type Notification, type Registration, type Removal } from "./callback-registry";
import { className, enclosingClass } from "./members";
import { calleeText, classBases, lastSegment, nodeTypes, type Family } from "./syntax";

const subscriberBase = /(Subscriber|Observer|EventListener|EventHandler)(Interface)?$/;

/**
 * Observer: a registry of callbacks — a function that stores a callable argument in a
 * collection (often keyed by event name) — and a notify path that iterates that collection
 * calling each one. Matched on the class holding both, on each method taking part (the
 * register and unregister methods, decorator-style `before_request(f)` registrars that
 * return `f`, the dispatch method), on closures that hold both (`mitt()`), and on classes
 * implementing a subscriber interface (ORM lifecycle subscribers).
 */
export const detectObserverEvent: Detector = (context) => {
  if (context.isClass) return classObserver(context);
  const own = ownRegistry(context);
  const paired = own.registrations.length && own.notifications.length ? pairMatch(own.registrations, own.notifications) : undefined;
  if (paired) return paired;
  const classNode = enclosingClass(context.node, context.family);
  if (classNode) return memberObserver(context, own, registryOf(classNode, context.family), className(classNode));
  return moduleObserver(context, own);
};

interface Registry {
  registrations: Registration[];
  removals: Removal[];
  notifications: Notification[];
}

function ownRegistry(context: DetectorContext): Registry {
  const calls = context.calls();
  const registrations = registrationsIn(calls, context.node, context.family);
  const removals = registrationsOrRemovalsPossible(calls) ? removalsIn(calls, context.node, context.family) : [];
  const notifications = notificationsIn(context.node, calls, context.family, (types) => context.find(types));
  return { registrations, removals, notifications };
}

function registrationsOrRemovalsPossible(calls: CallSite[]): boolean {
  return calls.some((call) => /^(remove|delete|discard|splice|pop|filter)$/.test(call.name));
}

function pairMatch(registrations: Registration[], notifications: Notification[]): PatternMatch | undefined {
  const shared = notifications.find((notify) => registrations.some((registry) => registry.collection === notify.collection));
  const named = registrations.some((registry) => callbackParameter.test(registry.parameter) || callbackCollection.test(registry.collection));
  if (!shared && !named) return undefined;
  const notify = shared ?? notifications[0]!;
  return patternMatch("observer_event", shared ? 0.9 : 0.8, [
    `registers callbacks: ${registrations[0]!.text}`,
    `notifies by iterating ${snippet(notify.iterated, 40)} and calling each (${snippet(notify.text, 40)})`,
  ]);
}

const registries = new WeakMap<SyntaxNode, Registry>();

/** Registrations, removals and notifications anywhere in a class (memoised per class node). */
function registryOf(classNode: SyntaxNode, family: Family): Registry {
  let registry = registries.get(classNode);
  if (!registry) {
    const calls: CallSite[] = classNode.descendantsOfType(nodeTypes[family].call as unknown as string[]).map((node) => {
      const callee = calleeText(node);
      return { node, callee, name: lastSegment(callee), isNew: node.type === "new_expression" };
    });
    registry = {
      registrations: registrationsIn(calls, classNode, family),
      removals: removalsIn(calls, classNode, family),
      notifications: notificationsIn(classNode, calls, family, (types) => classNode.descendantsOfType(types)),
    };
    registries.set(classNode, registry);
  }
  return registry;
}

/**
 * The collections of a class that hold callbacks: registered into and dispatched from, or
 * callbacks by the name of the collection or of the stored parameter.
 */
function callbackCollectionsOf(registry: Registry): Set<string> {
  const notified = new Set(registry.notifications.filter((notification) => notification.direct && notification.passesArguments).map((notification) => notification.collection));
  const collections = new Set<string>();
  for (const registration of registry.registrations) {
    if (!registration.collection.startsWith("@")) continue;
    if (notified.has(registration.collection) || callbackCollection.test(registration.collection.split(".").pop()!) || callbackParameter.test(registration.parameter)) collections.add(registration.collection);
  }
  return collections;
}

function memberObserver(context: DetectorContext, own: Registry, registry: Registry, owner: string): PatternMatch | undefined {
  const callbacks = callbackCollectionsOf(registry);
  const notified = new Set(registry.notifications.map((notification) => notification.collection));
  for (const registration of own.registrations) {
    if (!callbacks.has(registration.collection)) continue;
    const dispatcher = notified.has(registration.collection);
    const returnsIt = returnsParameter(context, registration.parameter);
    const evidence = [`registers callbacks: ${registration.text}`];
    if (dispatcher) evidence.push(`${owner || "its class"} calls each registered ${registration.collection.slice(1)}`);
    if (returnsIt) evidence.push(`returns ${registration.parameter}, so it works as a decorator`);
    if (registration.keyed) evidence.push("callbacks are kept per event key");
    return patternMatch("observer_event", dispatcher ? 0.85 : returnsIt ? 0.8 : 0.7, evidence);
  }
  const removal = own.removals.find((candidate) => callbacks.has(candidate.collection));
  if (removal) return patternMatch("observer_event", 0.8, [`unregisters a callback: ${removal.text}`, `from the collection ${owner || "its class"} registers callbacks into`]);
  for (const notification of own.notifications) {
    const paired = callbacks.has(notification.collection);
    const named = notification.collection.startsWith("@") && callbackCollection.test(notification.collection.split(".").pop()!);
    if (!paired && !named) continue;
    return patternMatch("observer_event", paired ? 0.85 : 0.7, [
      `dispatches: iterates ${snippet(notification.iterated, 40)} calling each (${snippet(notification.text, 40)})`,
      paired ? "the collection holds callbacks registered by another method" : "the collection holds callbacks by its name",
    ]);
  }
  return undefined;
}

/** A module-level function: a decorator-style registrar (`def before_x(f): hooks.append(f); return f`) or a dispatcher over a callback list. */
function moduleObserver(context: DetectorContext, own: Registry): PatternMatch | undefined {
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
  const notification = own.notifications.find((candidate) => candidate.direct && candidate.passesArguments && callbackCollection.test(candidate.collection));
  return notification ? patternMatch("observer_event", 0.65, [`dispatches: iterates ${snippet(notification.iterated, 40)} calling each (${snippet(notification.text, 40)})`]) : undefined;
}

function returnsParameter(context: DetectorContext, parameter: string): boolean {
  return ownReturns(context.node, context.family).some((statement) => returnedValue(statement)?.text === parameter);
}

function classObserver(context: DetectorContext): PatternMatch | undefined {
  const own = ownRegistry(context);
  const paired = own.registrations.length && own.notifications.length ? pairMatch(own.registrations, own.notifications) : undefined;
  if (paired) return paired;
  return inheritedRegistry(context, own.registrations, own.notifications) ?? subscriber(context);
}

function inheritedRegistry(context: DetectorContext, registrations: Registration[], notifications: Notification[]): PatternMatch | undefined {
  const extendsText = context.node.namedChildren.find((child) => child.type === "class_heritage" || child.type === "argument_list")?.text ?? "";
  const instanceNotify = notifications.find((notify) => notify.collection.startsWith("@"));
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

/** A class implementing a subscriber/listener interface with event hooks (`afterInsert(event)`). */
function subscriber(context: DetectorContext): PatternMatch | undefined {
  const base = classBases(context.node).map((text) => lastSegment(text.replace(/[<(\[].*$/s, ""))).find((name) => subscriberBase.test(name));
  if (!base) return undefined;
  return patternMatch("observer_event", 0.7, [`implements ${base}: its methods are called back when the events occur`]);
}
