import type { PatternMatch } from "@/lib/domain";
import { patternMatch, snippet, type CallSite, type Detector, type DetectorContext, remembered } from "./detector";
import { storeOwnerRole, storeRoleOf } from "./callback-store";
import { moduleObserver, subscribingRegistrar } from "./module-observer";
import { extendsBaseMethod, hookDispatch, hookHandlerClass, sameFileBases } from "./hook-methods";
import { callbackCollection, callbackParameter, notificationsIn, registrationsIn, removalsIn, type Notification, type Registration, type Removal } from "./callback-registry";
import { enclosingClass, methodOf } from "./members";
import { classBases, classMethods, lastSegment, parameterNames } from "./syntax";

const subscriberBase = /(Subscriber|Observer|EventListener|EventHandler)(Interface)?$/;

/**
 * Observer: a registry of callbacks — a function that stores a callable argument in a
 * collection (often keyed by event name) — and a notify path that iterates that collection
 * calling each one. Matched on the class holding both, on each method taking part (the
 * register and unregister methods, decorator-style `before_request(f)` registrars that
 * return `f`, the dispatch method), on closures that hold both (`mitt()`), and on classes
 * implementing a subscriber interface (ORM lifecycle subscribers).
 */
export const detectObserverEvent: Detector = remembered((context) => {
  if (context.isClass) return classObserver(context);
  const stored = storeObserver(context);
  if (stored) return stored;
  const own = ownRegistry(context);
  const paired = own.registrations.length && own.notifications.length ? pairMatch(own.registrations, own.notifications) : undefined;
  if (paired) return paired;
  const classNode = enclosingClass(context.node, context.family);
  if (classNode) return memberObserver(context, own);
  return moduleObserver(context, own);
});

/** A unit taking a role on a store of callbacks (see `fileStores`), or an ES5 constructor whose prototype keeps one. */
function storeObserver(context: DetectorContext): PatternMatch | undefined {
  const role = storeRoleOf(context.node, context.family) ?? storeOwnerRole(context.node, context.family);
  return role ? patternMatch("observer_event", role.confidence, role.evidence) : undefined;
}

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

function memberObserver(context: DetectorContext, own: Registry): PatternMatch | undefined {
  return subscribingMethod(context) ?? broadcastingMethod(own) ?? hookDispatcher(context) ?? inheritedRole(context) ?? subscribingRegistrar(context) ?? forwardedRole(context);
}

/** The dispatch method of an event-handler base, calling the `on_*` hooks its subclasses override. */
function hookDispatcher(context: DetectorContext): PatternMatch | undefined {
  const classNode = enclosingClass(context.node, context.family);
  if (!classNode || !hookHandlerClass(classNode, context.family)) return undefined;
  const how = hookDispatch(context.node, context.family);
  return how ? patternMatch("observer_event", 0.7, [`dispatches: ${how}`]) : undefined;
}

/** An override of an observer role of a same-file base that extends it (`emit(v) { …; super.emit(v) }`). */
function inheritedRole(context: DetectorContext): PatternMatch | undefined {
  const member = methodOf(context.node, context.family);
  if (!member || !extendsBaseMethod(context.node, member.method.name)) return undefined;
  for (const base of sameFileBases(member.classNode, context.family)) {
    const overridden = classMethods(base.node).find((method) => method.name === member.method.name);
    const role = overridden ? storeRoleOf(overridden.node, context.family) : undefined;
    const hook = !role && hookHandlerClass(base.node, context.family) ? classMethods(base.node).find((method) => method.name === member.method.name && hookDispatch(method.node, context.family)) : undefined;
    if (role || hook) return patternMatch("observer_event", 0.7, [`overrides ${base.name}.${member.method.name}(), which ${role ? role.role : "dispatches events to hook methods"}, and calls it`]);
  }
  return undefined;
}

/** A class extending a same-file observer: an event emitter or handler base whose roles it inherits. */
function observerSubclass(context: DetectorContext): PatternMatch | undefined {
  for (const base of sameFileBases(context.node, context.family)) {
    const emitter = storeOwnerRole(base.node, context.family) !== undefined;
    if (emitter || hookHandlerClass(base.node, context.family)) return patternMatch("observer_event", 0.7, [`extends ${base.name}, ${emitter ? "which registers callbacks and dispatches to them" : "an event-handler base dispatching to hook methods"}`]);
  }
  return undefined;
}

/**
 * A method calling every member of a collection of listeners or subscribers it reads
 * (`for subscriber in self.connection.subscribers: subscriber.before_insert(event)`), the
 * registry being kept elsewhere.
 */
function broadcastingMethod(own: Registry): PatternMatch | undefined {
  const notification = own.notifications.find((candidate) => candidate.passesArguments && callbackCollection.test(lastSegment(candidate.iterated.replace(/\(.*$/s, ""))));
  return notification ? patternMatch("observer_event", 0.65, [`dispatches: iterates ${snippet(notification.iterated, 40)} calling each (${snippet(notification.text, 40)})`]) : undefined;
}

const subscribeCall = /^(on|once|off|addListener|removeListener|addEventListener|removeEventListener|prependListener|subscribe|unsubscribe|connect|disconnect)$/;

/**
 * A method whose job is subscribing to (or leaving) another object's events: ≥2 calls like
 * `emitter.on("hit", listener)` handing over functions, or a short one doing it once.
 */
function subscribingMethod(context: DetectorContext): PatternMatch | undefined {
  let made: Set<string> | undefined;
  const subscriptions = context.calls().filter((call) => {
    if (!subscribeCall.test(call.name) || call.isNew || !call.callee.includes(".")) return false;
    made ??= madeLocals(context);
    // Wiring the events of an object the unit has just made (`const connection = new this.lib.Client(config); connection.once("connect", …)`) sets that object up: it keeps no registry.
    if (made.has(call.callee.split(".")[0]!)) return false;
    const values = call.node.childForFieldName("arguments")?.namedChildren ?? [];
    return values.some((value) => /function|arrow_function|lambda/.test(value.type) || callbackParameter.test(value.text) || /[Ll]istener|[Hh]andler|[Cc]allback/.test(value.text));
  });
  if (subscriptions.length < 2) return undefined;
  return patternMatch("observer_event", 0.7, [`subscribes callbacks to events: ${snippet(subscriptions[0]!.node.text, 50)}`, `${subscriptions.length} subscriptions`]);
}

/** Locals the unit binds to an object it makes (`new X(…)`, `lib.createConnection(…)`). */
function madeLocals(context: DetectorContext): Set<string> {
  const made = new Set<string>();
  for (const binding of context.find(context.family === "python" ? ["assignment"] : ["variable_declarator"])) {
    const name = (binding.childForFieldName("left") ?? binding.childForFieldName("name"))?.text ?? "";
    let value = binding.childForFieldName("right") ?? binding.childForFieldName("value");
    while (value && /^(await|await_expression|parenthesized_expression)$/.test(value.type)) value = value.namedChildren[0] ?? null;
    if (value && /^(new_expression|call|call_expression)$/.test(value.type) && /^[A-Za-z_$][\w$]*$/.test(name)) made.add(name);
  }
  return made;
}

function classObserver(context: DetectorContext): PatternMatch | undefined {
  const stored = storeOwnerRole(context.node, context.family);
  if (stored) return patternMatch("observer_event", stored.confidence, stored.evidence);
  const own = ownRegistry(context);
  const paired = own.registrations.length && own.notifications.length ? pairMatch(own.registrations, own.notifications) : undefined;
  if (paired) return paired;
  const handler = hookHandlerClass(context.node, context.family);
  if (handler) return patternMatch("observer_event", 0.7, [`an event-handler base: ${handler}`, "subclasses override the hooks"]);
  return inheritedRegistry(context, own.registrations) ?? subscriber(context) ?? observerSubclass(context);
}

function inheritedRegistry(context: DetectorContext, registrations: Registration[]): PatternMatch | undefined {
  const extendsText = context.node.namedChildren.find((child) => child.type === "class_heritage" || child.type === "argument_list")?.text ?? "";
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

const forwardableRole = /^(add|register|remove|unregister|subscribe|unsubscribe)_?\w*(callback|listener|handler|hook|observer|subscriber)s?$|^(emit|dispatch|notify|fire|trigger|publish|broadcast)(_?\w*)$/i;
const eventHolder = /event|emitter|bus|dispatcher|signal|hook|listener|subscriber|observer|callback/i;

/**
 * A registering or dispatching method that hands the same operation to other objects
 * (`for t in transitions: t.add_callback(trigger, func)`, `this.eventManager.dispatchEvent(…)`):
 * the registry lives in them; this method is its entry point.
 */
function forwardedRole(context: DetectorContext): PatternMatch | undefined {
  const name = methodOf(context.node, context.family)?.method.name;
  if (!name || !forwardableRole.test(name)) return undefined;
  const parameters = parameterNames(context.node);
  const call = context.calls().find((site) => {
    if (site.name !== name || site.isNew || /^(self|this|super)\.[#\w$]+$|^super\(\)/.test(site.callee)) return false;
    const receiver = site.callee.slice(0, -name.length - 1);
    const values = site.node.childForFieldName("arguments")?.namedChildren ?? [];
    return eventHolder.test(receiver) || values.some((value) => parameters.includes(value.text) && callbackParameter.test(value.text));
  });
  if (!call) return undefined;
  return patternMatch("observer_event", 0.65, [`${/^(emit|dispatch|notify|fire|trigger|publish|broadcast)/i.test(name) ? "dispatches" : "registers callbacks"} through ${snippet(call.node.text, 50)}`, "the callbacks are kept by the object it hands over to"]);
}
