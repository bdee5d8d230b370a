import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import { snippet, type CallSite } from "./detector";
import { deletionsIn, handedOver } from "./callback-dispatch";
import { callbackCollection, callbackParameter, clearsIn, notificationsIn, registrationsIn, removalsIn, subscriptRegistrationsIn } from "./callback-registry";
import { calleeText, classBases, lastSegment, nodeTypes, parameterNames, type Family } from "./syntax";
import { GroupContext, unitName } from "./store-groups";
import { perTree } from "./per-tree";

/** What a unit does with a store of callbacks. */
export type StoreRoleName = "registers" | "unregisters" | "dispatches";

/** One unit's role on a callback store, with what was seen. */
export interface StoreRole {
  role: StoreRoleName;
  /** The store's attribute or module-level name (`_pres`, `before_request_funcs`, `_reload_hooks`). */
  store: string;
  evidence: string[];
  confidence: number;
}

/** A place where a unit registers, unregisters or dispatches on a store. */
interface Site {
  role: StoreRoleName;
  text: string;
  /** The unit: the outermost function of the class, ES5 prototype or module it lies in. */
  unit: SyntaxNode;
  /** The stored value is a parameter named as a callback (`fn`, `listener`, `handler`). */
  callbackNamed?: boolean;
  /** The dispatch passes arguments to each callback. */
  passesArguments?: boolean;
}

interface Store {
  name: string;
  /** Instance attributes belong to a class (or ES5 constructor); plain names to the module. */
  instance: boolean;
  sites: Site[];
}

/** The callback stores of one file and each unit's role on them. */
export interface FileStores {
  /** Unit node id → its role (the first found: registering, then unregistering, then dispatching). */
  roles: Map<number, StoreRole>;
  /** Class or ES5 constructor node id → the observer its stores make of it, with evidence. */
  owners: Map<number, StoreRole>;
}

/** Any word `callbackCollection` accepts as a store's name, anywhere in a file's text. */
const namedForCallbacks = /listener|subscriber|observer|handler|hook|callback|watcher|receiver|funcs|fns|cbs|slots/i;

/**
 * The callback stores of a file, found by the roles units take on them rather than by any one
 * method's shape: a store (an instance attribute, or a module-level name) that something puts a
 * function into (a parameter, or a record built around it) and that something iterates calling
 * each element is an observer's store; every unit registering, unregistering or dispatching on it
 * is an observer unit. Stores named for callbacks (`_listeners`, `before_request_funcs`) or filled
 * with callback-named parameters also count, since their dispatch may live in another file. A
 * factory registry looked up by key, a queue drained one item at a time, a plugin list whose
 * members' methods are called and a middleware chain (`handler = m(handler)`) are not dispatch.
 * Memoised per tree.
 */
export const fileStores: (node: SyntaxNode, family: Family) => FileStores = perTree(analyse);

/** The role of a unit on its file's callback stores, if any. */
export function storeRoleOf(node: SyntaxNode, family: Family): StoreRole | undefined {
  return fileStores(node, family).roles.get(node.id);
}

/** The observer a class's (or ES5 constructor's) own stores make of it, if any. */
export function storeOwnerRole(node: SyntaxNode, family: Family): StoreRole | undefined {
  return fileStores(node, family).owners.get(node.id);
}


function analyse(root: SyntaxNode, family: Family): FileStores {
  const callTypes = nodeTypes[family].call as unknown as string[];
  const calls: CallSite[] = root.descendantsOfType(callTypes).map((node) => {
    const callee = calleeText(node);
    return { node, callee, name: lastSegment(callee), isNew: node.type === "new_expression" };
  });
  const roles = new Map<number, StoreRole>();
  const owners = new Map<number, StoreRole>();
  // Nothing is ever put anywhere and nothing is named for callbacks: no store, nothing to read.
  if (!calls.some((call) => /^(append|appendleft|push|add|set|setdefault|insert|unshift)$/.test(call.name)) && !/\]\s*(=|\|\|=|\?\?=)[^=]/.test(root.text) && !namedForCallbacks.test(root.text)) return { roles, owners };
  const context = new GroupContext(root, family);
  const stores = new Map<string, Store>();
  const place = (collection: string, node: SyntaxNode, site: Omit<Site, "unit">) => {
    const located = context.locate(node, collection);
    // Setting a store up (empty) in the constructor is neither registering nor unregistering.
    if (!located || /^(__init__|constructor)$/.test(unitName(located.unit)) || context.isOwner(located.unit)) return;
    let store = stores.get(located.key);
    if (!store) stores.set(located.key, (store = { name: located.name, instance: located.instance, sites: [] }));
    store.sites.push({ ...site, unit: located.unit });
  };
  for (const registration of [...registrationsIn(calls, root, family, { records: true }), ...subscriptRegistrationsIn(root, family)]) {
    place(registration.collection, registration.owner, { role: "registers", text: `registers callbacks: ${registration.text}`, callbackNamed: !registration.record && callbackParameter.test(registration.parameter) });
  }
  for (const removal of [...removalsIn(calls, root, family), ...clearsIn(root, calls, family), ...deletionsIn(root, family)]) {
    place(removal.collection, removal.node, { role: "unregisters", text: `unregisters callbacks: ${removal.text}` });
  }
  for (const notification of notificationsIn(root, calls, family, (types) => root.descendantsOfType(types), { scopeOf: (node) => context.unitOf(node) })) {
    place(notification.collection, notification.node, { role: "dispatches", text: `dispatches: iterates ${snippet(notification.iterated, 40)} calling each (${snippet(notification.text, 40)})`, passesArguments: notification.passesArguments });
  }
  const kept = [...stores.entries()].filter(([, store]) => observerStore(store));
  for (const [, store] of kept) assignRoles(store, roles);
  handOvers(kept, context, roles, family);
  delegations(context, roles, family);
  for (const [key] of kept) {
    const owner = context.ownerOf(key);
    if (!owner || owners.has(owner.id)) continue;
    const inGroup = [...roles.entries()].filter(([id]) => context.groupKeyOfUnit(id) === key.slice(0, key.indexOf("@")));
    const registrar = inGroup.find(([, role]) => role.role === "registers");
    const dispatcher = inGroup.find(([, role]) => role.role === "dispatches");
    if (registrar && dispatcher) {
      owners.set(owner.id, { role: "dispatches", store: registrar[1].store, confidence: 0.9, evidence: [registrar[1].evidence[0]!, `${dispatcher[1].evidence[0]} in ${context.nameOf(dispatcher[0])}()`, `registered by ${context.nameOf(registrar[0])}()`] });
    } else if (dispatcher && hasBase(owner)) {
      // `class FocusManager extends Subscribable`: it notifies the listeners its base registers.
      owners.set(owner.id, { role: "dispatches", store: dispatcher[1].store, confidence: 0.65, evidence: [`notifies inherited listeners: ${dispatcher[1].evidence[0]} in ${context.nameOf(dispatcher[0])}()`] });
    }
  }
  return { roles, owners };
}

/** Whether a class names a base (`extends Subscribable<Listener>`, `class App(Scaffold)`). */
function hasBase(owner: SyntaxNode): boolean {
  return classBases(owner).length > 0;
}

/**
 * Whether a store holds an observer's callbacks: registered into and dispatched from, or named
 * for callbacks and used so (filled, or dispatched with an event), or — an instance's — filled
 * with callback-named parameters.
 */
function observerStore(store: Store): boolean {
  const registered = store.sites.some((site) => site.role === "registers");
  const dispatched = store.sites.some((site) => site.role === "dispatches");
  if (registered && dispatched) return true;
  // A module's `for wr in _refs: wr()` may dereference weak references; an instance's named store dispatched at all is its callbacks'.
  if (callbackCollection.test(store.name) && (registered || store.sites.some((site) => site.role === "dispatches" && (store.instance || site.passesArguments)))) return true;
  return store.instance && store.sites.some((site) => site.role === "registers" && site.callbackNamed);
}

function assignRoles(store: Store, roles: Map<number, StoreRole>): void {
  const seen = (role: StoreRoleName) => store.sites.some((site) => site.role === role);
  const paired = seen("registers") && seen("dispatches");
  const summary = `store ${store.name}: ${(["registers", "unregisters", "dispatches"] as const).filter(seen).map((role) => ({ registers: "registered into", unregisters: "removed from", dispatches: "each callback called" })[role]).join(", ")}`;
  for (const role of ["registers", "unregisters", "dispatches"] as const) {
    for (const site of store.sites) {
      if (site.role !== role || roles.has(site.unit.id)) continue;
      const confidence = paired ? (role === "unregisters" ? 0.8 : 0.85) : 0.7;
      roles.set(site.unit.id, { role, store: store.name, confidence, evidence: [site.text, summary] });
    }
  }
}

/** A unit handing a store to a function that calls each (`callHooks(this._hooks[name], args)`) dispatches. */
function handOvers(kept: [string, Store][], context: GroupContext, roles: Map<number, StoreRole>, family: Family): void {
  const byGroup = new Map<string, Set<string>>();
  for (const [key, store] of kept) {
    if (!store.instance) continue;
    const group = key.slice(0, key.indexOf("@"));
    if (!byGroup.has(group)) byGroup.set(group, new Set());
    byGroup.get(group)!.add(`@${store.name}`);
  }
  for (const [group, collections] of byGroup) {
    for (const unit of context.unitsOf(group)) {
      if (roles.has(unit.id)) continue;
      const handed = handedOver(unit, collections, family);
      if (handed) roles.set(unit.id, { role: "dispatches", store: [...collections][0]!.slice(1), confidence: 0.75, evidence: [`dispatches: ${handed}`] });
    }
  }
}

/**
 * A unit that only hands over to a role unit of its class (`on()` → `self._add_event_handler()`)
 * takes its role; past the first round only when it hands its own parameters on
 * (`removeHooks(hooks)` → `this.removeHook(hook)`): `install()` calling `reset()`, which fires a
 * hook, is no observer.
 */
function delegations(context: GroupContext, roles: Map<number, StoreRole>, family: Family): void {
  const self = family === "python" ? "self" : "this";
  const direct = new Set(roles.keys());
  for (const group of context.instanceGroups()) {
    const units = context.unitsOf(group);
    for (let round = 0; round < 3; round++) {
      for (const unit of units) {
        if (roles.has(unit.id)) continue;
        // `_this.wrap(…)` inside a returned closure is no call of the instance's own method.
        const calls = (other: SyntaxNode) => new RegExp(`(^|[^\\w$.])${self}\\.${unitName(other).replace(/\$/g, "\\$")}\\(`).test(unit.text);
        const delegate = units.find((other) => roles.has(other.id) && unitName(other) !== "" && calls(other) && (direct.has(other.id) || forwardsParameter(unit, `${self}.${unitName(other)}(`)));
        if (!delegate) continue;
        const role = roles.get(delegate.id)!;
        roles.set(unit.id, { role: role.role, store: role.store, confidence: 0.75, evidence: [`calls ${self}.${unitName(delegate)}(), which ${role.evidence[0]!.split(":")[0]}`, role.evidence[1] ?? ""].filter(Boolean) });
      }
    }
  }
}

/** Whether a call starting with `prefix` passes on one of the unit's parameters (or a name bound from them in a loop). */
function forwardsParameter(unit: SyntaxNode, prefix: string): boolean {
  const names = parameterNames(unit).filter((name) => !/^(self|this|cls)$/.test(name));
  for (const match of unit.text.matchAll(/for\s*\(?\s*(?:const|let|var)?\s*([\w$]+)\s+(?:of|in)\s+([\w$]+)/g)) if (names.includes(match[2]!)) names.push(match[1]!);
  const start = unit.text.indexOf(prefix);
  if (start < 0) return false;
  let depth = 1;
  let end = start + prefix.length;
  for (; end < unit.text.length && depth > 0; end++) depth += unit.text[end] === "(" ? 1 : unit.text[end] === ")" ? -1 : 0;
  const argumentsText = unit.text.slice(start + prefix.length, end - 1);
  return names.some((name) => new RegExp(`(^|[^\\w$.])${name.replace(/\$/g, "\\$")}\\b`).test(argumentsText));
}
