import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import type { PatternMatch } from "@/lib/domain";
import { patternMatch, snippet, type CallSite, type Detector, type DetectorContext, remembered } from "./detector";
import { deletionsIn, handedOver } from "./callback-dispatch";
import { moduleObserver, subscribingRegistrar } from "./module-observer";
import { extendsBaseMethod, hookDispatch, hookHandlerClass, sameFileBases } from "./hook-methods";
import { callbackCollection, callbackParameter, clearsIn, notificationsIn, registrationsIn, removalsIn, subscriptRegistrationsIn, type Notification, type Registration, type Removal } from "./callback-registry";
import { className, enclosingClass, methodOf } from "./members";
import { calleeText, classBases, classMethods, lastSegment, nodeTypes, parameterNames, type Family } from "./syntax";

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
  const own = ownRegistry(context);
  const paired = own.registrations.length && own.notifications.length ? pairMatch(own.registrations, own.notifications) : undefined;
  if (paired) return paired;
  const classNode = enclosingClass(context.node, context.family);
  if (classNode) return memberObserver(context, registryOf(classNode, context.family), className(classNode), own);
  return moduleObserver(context, own);
});

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

/** What one method of a registry class does with the callbacks, and how it was seen. */
interface Role {
  evidence: string[];
  confidence: number;
}

interface ClassRegistry extends Registry {
  /** Collections holding callbacks (`@_events`). */
  callbacks: Set<string>;
  /** Method name → its role: registers, unregisters or dispatches, directly or through a sibling. */
  roles: Map<string, Role>;
}

const registries = new WeakMap<SyntaxNode, ClassRegistry>();

/** Registrations, removals, dispatches and each method's role in a class (memoised per class node). */
function registryOf(classNode: SyntaxNode, family: Family): ClassRegistry {
  let registry = registries.get(classNode);
  if (!registry) {
    const calls: CallSite[] = classNode.descendantsOfType(nodeTypes[family].call as unknown as string[]).map((node) => {
      const callee = calleeText(node);
      return { node, callee, name: lastSegment(callee), isNew: node.type === "new_expression" };
    });
    const found: Registry = {
      registrations: [...registrationsIn(calls, classNode, family), ...subscriptRegistrationsIn(classNode, family)],
      removals: [...removalsIn(calls, classNode, family), ...clearsIn(classNode, calls, family), ...deletionsIn(classNode, family)],
      notifications: notificationsIn(classNode, calls, family, (types) => classNode.descendantsOfType(types)),
    };
    const callbacks = callbackCollectionsOf(found);
    registry = { ...found, callbacks, roles: rolesOf(classNode, family, found, callbacks) };
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

function rolesOf(classNode: SyntaxNode, family: Family, registry: Registry, callbacks: Set<string>): Map<string, Role> {
  const roles = new Map<string, Role>();
  if (callbacks.size === 0) return roles;
  const methods = classMethods(classNode);
  const methodAt = (node: SyntaxNode) => methods.find((method) => node.startIndex >= method.node.startIndex && node.endIndex <= method.node.endIndex);
  const assign = (node: SyntaxNode, role: Role) => {
    const method = methodAt(node);
    // Setting the registry up empty in the constructor is no unregistering.
    if (method && !roles.has(method.name) && !/^(__init__|constructor)$/.test(method.name)) roles.set(method.name, role);
  };
  const notified = new Set(registry.notifications.map((notification) => notification.collection));
  for (const registration of registry.registrations) {
    if (!callbacks.has(registration.collection)) continue;
    const evidence = [`registers callbacks: ${registration.text}`];
    if (notified.has(registration.collection)) evidence.push(`the class calls each registered ${registration.collection.slice(1)}`);
    if (registration.keyed) evidence.push("callbacks are kept per event key");
    assign(registration.owner, { evidence, confidence: notified.has(registration.collection) ? 0.85 : 0.7 });
  }
  for (const removal of registry.removals) {
    if (callbacks.has(removal.collection)) assign(removal.node, { evidence: [`unregisters callbacks: ${removal.text}`], confidence: 0.8 });
  }
  for (const notification of registry.notifications) {
    const named = notification.collection.startsWith("@") && callbackCollection.test(notification.collection.split(".").pop()!);
    if (!callbacks.has(notification.collection) && !named) continue;
    assign(notification.node, { evidence: [`dispatches: iterates ${snippet(notification.iterated, 40)} calling each (${snippet(notification.text, 40)})`], confidence: callbacks.has(notification.collection) ? 0.85 : 0.7 });
  }
  // A method handing a callback collection to a function that calls each (`callHooks(this._hooks[name], args)`) dispatches.
  for (const method of methods) {
    if (roles.has(method.name)) continue;
    const handed = handedOver(method.node, callbacks, family);
    if (handed) roles.set(method.name, { evidence: [`dispatches: ${handed}`], confidence: 0.75 });
  }
  // A method that only hands over to one of these (`on()` → `self._add_event_handler()`) takes its role.
  // Past the first round only a method handing its own parameters on (`removeHooks(hooks)` → `this.removeHook(hook)`)
  // takes a delegate's role: `install()` calling `reset()`, which fires a hook, is no observer.
  const self = family === "python" ? "self" : "this";
  const direct = new Set(roles.keys());
  for (let round = 0; round < 3; round++) {
    for (const method of methods) {
      if (roles.has(method.name)) continue;
      const delegate = [...roles.keys()].find((name) => method.node.text.includes(`${self}.${name}(`) && (direct.has(name) || forwardsParameter(method.node, `${self}.${name}(`)));
      if (delegate) roles.set(method.name, { evidence: [`calls ${self}.${delegate}(), which ${roles.get(delegate)!.evidence[0]!.split(":")[0]}`], confidence: 0.75 });
    }
  }
  return roles;
}

/** Whether a call starting with `prefix` passes on one of the method's parameters (or a name bound from them in a loop). */
function forwardsParameter(method: SyntaxNode, prefix: string): boolean {
  const names = parameterNames(method).filter((name) => !/^(self|this|cls)$/.test(name));
  for (const match of method.text.matchAll(/for\s*\(?\s*(?:const|let|var)?\s*([\w$]+)\s+(?:of|in)\s+([\w$]+)/g)) if (names.includes(match[2]!)) names.push(match[1]!);
  const start = method.text.indexOf(prefix);
  if (start < 0) return false;
  let depth = 1;
  let end = start + prefix.length;
  for (; end < method.text.length && depth > 0; end++) depth += method.text[end] === "(" ? 1 : method.text[end] === ")" ? -1 : 0;
  const argumentsText = method.text.slice(start + prefix.length, end - 1);
  return names.some((name) => new RegExp(`(^|[^\\w$.])${name.replace(/\$/g, "\\$")}\\b`).test(argumentsText));
}

function memberObserver(context: DetectorContext, registry: ClassRegistry, owner: string, own: Registry): PatternMatch | undefined {
  const name = methodOf(context.node, context.family)?.method.name;
  const role = name === undefined ? undefined : registry.roles.get(name);
  if (role) return patternMatch("observer_event", role.confidence, [...role.evidence, `in ${owner || "a class"} that keeps callbacks`]);
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
    const role = registryOf(base.node, context.family).roles.get(member.method.name);
    const hook = !role && hookHandlerClass(base.node, context.family) ? classMethods(base.node).find((method) => method.name === member.method.name && hookDispatch(method.node, context.family)) : undefined;
    if (role || hook) return patternMatch("observer_event", 0.7, [`overrides ${base.name}.${member.method.name}(), which ${role ? role.evidence[0]!.split(":")[0] : "dispatches events to hook methods"}, and calls it`]);
  }
  return undefined;
}

/** A class extending a same-file observer: an event emitter or handler base whose roles it inherits. */
function observerSubclass(context: DetectorContext): PatternMatch | undefined {
  for (const base of sameFileBases(context.node, context.family)) {
    const roles = [...registryOf(base.node, context.family).roles.values()].map((role) => role.evidence[0]!);
    const emitter = roles.some((role) => role.startsWith("dispatches")) && roles.some((role) => role.startsWith("registers"));
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
  const registry = registryOf(context.node, context.family);
  const dispatcher = [...registry.roles].find(([, role]) => role.evidence[0]!.startsWith("dispatches"));
  const registrar = [...registry.roles].find(([, role]) => role.evidence[0]!.startsWith("registers"));
  if (dispatcher && registrar) {
    return patternMatch("observer_event", 0.9, [registrar[1].evidence[0]!, `${dispatcher[1].evidence[0]} in ${dispatcher[0]}()`, `registered by ${registrar[0]}()`]);
  }
  const own = ownRegistry(context);
  const paired = own.registrations.length && own.notifications.length ? pairMatch(own.registrations, own.notifications) : undefined;
  if (paired) return paired;
  const handler = hookHandlerClass(context.node, context.family);
  if (handler) return patternMatch("observer_event", 0.7, [`an event-handler base: ${handler}`, "subclasses override the hooks"]);
  return inheritedRegistry(context, own.registrations, own.notifications) ?? subscriber(context) ?? observerSubclass(context);
}

function inheritedRegistry(context: DetectorContext, registrations: Registration[], notifications: Notification[]): PatternMatch | undefined {
  const extendsText = context.node.namedChildren.find((child) => child.type === "class_heritage" || child.type === "argument_list")?.text ?? "";
  const instanceNotify = notifications.find((notify) => notify.collection.startsWith("@") && callbackCollection.test(notify.collection.split(".").pop()!));
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
