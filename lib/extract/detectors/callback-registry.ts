import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import { snippet, type CallSite } from "./detector";
import { composes, heldFunctions, indexedNotificationsIn } from "./callback-dispatch";
import { callbackCollection } from "./callback-names";
import { calleeText, isSelfName, lastSegment, nodeTypes, parameterNames, type Family } from "./syntax";

const addMethod = /^(append|appendleft|push|add|set|setdefault|insert|unshift)$/;
const removeMethod = /^(remove|delete|discard|splice|pop)$/;
export { callbackCollection, callbackParameter } from "./callback-names";

/** A parameter of the enclosing function stored in a collection: `self._callbacks.append(fn)`. */
export interface Registration {
  /** `@attr` for an instance attribute, else the collection's own name. */
  collection: string;
  parameter: string;
  /** True when the collection is keyed (`setdefault(event, [])`, `[type]`, `.get(name)`), i.e. callbacks per event. */
  keyed: boolean;
  text: string;
  returnsRemoval: boolean;
  /** A record built around the parameter was stored (`{ fn }`, `RouteDef(method, path, handler)`), not the parameter itself. */
  record?: boolean;
  /** The function doing the storing. */
  owner: SyntaxNode;
}

/** A parameter removed from a collection: `self._callbacks.remove(fn)`, `listeners.splice(listeners.indexOf(fn), 1)`. */
export interface Removal {
  collection: string;
  text: string;
  node: SyntaxNode;
}

/** A loop (or forEach/map/comprehension) over a collection calling each element. */
export interface Notification {
  collection: string;
  iterated: string;
  text: string;
  /** The element is called itself (`cb(x)`), not one of its methods (`s.update(x)`). */
  direct: boolean;
  /** The call passes arguments (an event); `wr()` dereferencing a weak reference passes none. */
  passesArguments: boolean;
  /** The loop or iterating call. */
  node: SyntaxNode;
}

/** Normalises a receiver or iterated text to a collection key: `@attr` for the instance's attributes. */
export function collectionKey(text: string): string {
  const path = /^\(*(?:self|this|cls)((?:\.[#\w$]+)+)/.exec(text.replace(/^(list|tuple|set|sorted|reversed|Array\.from|\[\.\.\.)\(?/, ""));
  if (path) return `@${path[1]!.slice(1).replace(/\.(get|setdefault|values|items|slice|copy|filter)$/, "")}`;
  return /[A-Za-z_$#][\w$#]*/.exec(text.replace(/^\(+/, ""))?.[0] ?? text;
}

function enclosingFunctionOf(node: SyntaxNode, limit: SyntaxNode, family: Family): SyntaxNode | undefined {
  const types = nodeTypes[family].function as readonly string[];
  for (let current: SyntaxNode | null = node.parent; current; current = current.parent) {
    if (types.includes(current.type)) return current;
    if (current.id === limit.id) return undefined;
  }
  return undefined;
}

/** Functions that store one of their parameters in a collection. */
export function registrationsIn(calls: CallSite[], limit: SyntaxNode, family: Family, options: { records?: boolean } = {}): Registration[] {
  const found: Registration[] = [];
  for (const call of calls) {
    if (!addMethod.test(call.name) || call.isNew) continue;
    const receiver = call.callee.slice(0, -call.name.length - 1);
    if (!receiver) continue;
    const owner = enclosingFunctionOf(call.node, limit, family);
    if (!owner) continue;
    const parameters = new Set(parameterNames(owner).filter((name) => !isSelfName(name)));
    const values = call.node.childForFieldName("arguments")?.namedChildren ?? [];
    // `map.set(key, fn)` / `setdefault(key, fn)` store their second argument; `append(fn)` any.
    const candidates = /^(set|setdefault)$/.test(call.name) ? values.slice(1, 2) : values;
    let stored = candidates.find((value) => parameters.has(value.text) || (value.type === "tuple" && value.namedChildren.some((item) => parameters.has(item.text))));
    // A reference made from the parameter (`receiver_ref = reference(receiver, …)`) stores it too.
    const derived = stored ? undefined : derivedLocals(owner, parameters, family);
    // `[entry]`: a new list holding the made reference.
    const wrapped = derived ? candidates.find((value) => derived.has(value.text) || (/^(array|list)$/.test(value.type) && value.namedChildren.length === 1 && derived.has(value.namedChildren[0]!.text))) : undefined;
    stored ??= wrapped;
    // `pres.push(Object.assign({}, options, { fn: fn }))`, `new Listener(fn, context)`: a record built around the parameter.
    const record = stored || !options.records ? undefined : recordAround(candidates, parameters);
    if (!stored && !record) continue;
    const parameter = record ? record.parameter : wrapped ? (derived!.get(wrapped.text) ?? derived!.get(wrapped.namedChildren[0]?.text ?? ""))! : parameters.has(stored!.text) ? stored!.text : stored!.namedChildren.find((item) => parameters.has(item.text))!.text;
    const keyed = call.name === "set" || /\[|\.(setdefault|get)\(|\(/.test(receiver);
    const returnsRemoval = /return\s+(\(\)\s*=>|function|lambda)[^]*?(delete|remove|splice|filter)/.test(owner.text);
    const collection = resolveCollection(receiver, owner, call.node, family);
    found.push({ collection, parameter, keyed, text: snippet(call.node.text, 50), returnsRemoval, owner, ...(record ? { record: true } : {}) });
  }
  return found;
}

/** A record, call or object literal among the stored values holding a parameter as a value (`{ fn: fn }`, `{ fn }`, `Hook(fn)`). */
function recordAround(values: SyntaxNode[], parameters: Set<string>): { parameter: string } | undefined {
  for (const value of values) {
    if (!/^(object|dictionary|call|call_expression|new_expression)$/.test(value.type)) continue;
    const held = value.descendantsOfType(["identifier", "shorthand_property_identifier"]).find((identifier) => {
      if (!parameters.has(identifier.text)) return false;
      const parent = identifier.parent;
      // A key (`{ fn: … }`) or a callee names no value; a member's object (`fn.name`) is not the function stored.
      if (parent?.type === "pair" && parent.childForFieldName("key")?.id === identifier.id) return false;
      return !(parent && /^(member_expression|attribute)$/.test(parent.type)) && !(parent && /^(call|call_expression)$/.test(parent.type) && parent.childForFieldName("function")?.id === identifier.id);
    });
    if (held) return { parameter: held.text };
  }
  return undefined;
}

const derivedByOwner = new WeakMap<SyntaxNode, Map<string, string>>();

/** Locals a function binds to one of its parameters or to a call given one (`ref = weakref(receiver)`): local → parameter. */
function derivedLocals(owner: SyntaxNode, parameters: Set<string>, family: Family): Map<string, string> {
  let derived = derivedByOwner.get(owner);
  if (derived) return derived;
  derived = new Map();
  const bindings = owner.descendantsOfType(family === "python" ? ["assignment"] : ["variable_declarator", "assignment_expression"]);
  // Two passes: `hook = { event, handler: fn }` then `entry = clone ? { ...hook } : hook`.
  for (let pass = 0; pass < 2; pass++) {
    const sources = new Map([...[...parameters].map((name) => [name, name] as const), ...derived]);
    for (const binding of bindings) {
      const name = (binding.childForFieldName("left") ?? binding.childForFieldName("name"))?.text ?? "";
      const value = binding.childForFieldName("right") ?? binding.childForFieldName("value");
      if (!/^[A-Za-z_$][\w$]*$/.test(name) || !value || parameters.has(name) || derived.has(name)) continue;
      const given = sources.has(value.text)
        ? value.text
        : /^(call|call_expression|new_expression)$/.test(value.type)
          ? value.childForFieldName("arguments")?.namedChildren.find((argument) => sources.has(argument.text))?.text
          : // `{ event, handler: fn }`, `options ? { ...hook } : hook`: a record or choice built from the parameter.
            /^(object|dictionary|ternary_expression|conditional_expression|array|list|tuple)$/.test(value.type)
            ? [...sources.keys()].find((source) => new RegExp(`(^|[^\\w$.])${source.replace(/\$/g, "\\$")}\\b(?!\\s*:)`).test(value.text))
            : undefined;
      if (given) derived.set(name, sources.get(given)!);
    }
  }
  derivedByOwner.set(owner, derived);
  return derived;
}

/** `self._events[event][k] = v`, `this.handlers[name] = fn`: a parameter stored under a key of an instance collection. */
export function subscriptRegistrationsIn(scope: SyntaxNode, family: Family): Registration[] {
  const found: Registration[] = [];
  for (const assignment of scope.descendantsOfType(family === "python" ? ["assignment"] : ["assignment_expression"])) {
    const left = assignment.childForFieldName("left");
    const right = assignment.childForFieldName("right");
    if (!left || !right || !/^(subscript|subscript_expression)$/.test(left.type)) continue;
    const owner = enclosingFunctionOf(assignment, scope, family);
    if (!owner) continue;
    const parameters = parameterNames(owner).filter((name) => !isSelfName(name));
    if (!parameters.includes(right.text)) continue;
    const collection = collectionKey((left.childForFieldName("value") ?? left.childForFieldName("object"))?.text ?? "");
    if (!collection.startsWith("@")) continue;
    found.push({ collection, parameter: right.text, keyed: true, text: snippet(assignment.text, 50), returnsRemoval: false, owner });
  }
  return found;
}

const emptyContainer = /^(\{\s*\}|\[\s*\]|dict\(\)|list\(\)|set\(\)|OrderedDict\(\)|defaultdict\(\w*\)|new (Map|Set|WeakMap)\(\)|undefined|null|None)$/;

/** `self._events = dict()`, `this._listeners.clear()`: a collection emptied (the unregister-all half). */
export function clearsIn(scope: SyntaxNode, calls: CallSite[], family: Family): Removal[] {
  const found: Removal[] = [];
  for (const call of calls) {
    if (call.name !== "clear" || call.isNew) continue;
    const collection = collectionKey(call.callee.slice(0, -call.name.length - 1));
    if (collection.startsWith("@")) found.push({ collection, text: snippet(call.node.text, 50), node: call.node });
  }
  for (const assignment of scope.descendantsOfType(family === "python" ? ["assignment"] : ["assignment_expression"])) {
    const left = assignment.childForFieldName("left");
    const right = assignment.childForFieldName("right");
    if (!left || !right || !emptyContainer.test(right.text)) continue;
    const target = /^(subscript|subscript_expression)$/.test(left.type) ? (left.childForFieldName("value") ?? left.childForFieldName("object"))?.text ?? "" : left.text;
    const collection = collectionKey(target);
    if (collection.startsWith("@")) found.push({ collection, text: snippet(assignment.text, 50), node: assignment });
  }
  return found;
}

/** Removals of a parameter from a collection (the deregister half). */
export function removalsIn(calls: CallSite[], limit: SyntaxNode, family: Family): Removal[] {
  const found: Removal[] = [];
  for (const call of calls) {
    // Only a removing call can be a removal: the rest is not worth reading.
    if (call.isNew || !(removeMethod.test(call.name) || call.name === "filter")) continue;
    const owner = enclosingFunctionOf(call.node, limit, family);
    if (!owner) continue;
    const parameters = parameterNames(owner).filter((name) => !isSelfName(name));
    const argumentText = call.node.childForFieldName("arguments")?.text ?? "";
    const mentions = parameters.some((parameter) => {
      const name = parameter.replace(/\$/g, "\\$");
      return new RegExp(`\\b${name}\\b`).test(argumentText) || (call.name === "splice" && new RegExp(`indexOf\\(\\s*${name}\\s*\\)`).test(owner.text));
    });
    if (!mentions) continue;
    if (removeMethod.test(call.name) || (call.name === "filter" && /!==?|is not/.test(argumentText))) {
      found.push({ collection: resolveCollection(call.callee.slice(0, -call.name.length - 1), owner, call.node, family), text: snippet(call.node.text, 50), node: call.node });
    }
  }
  return found;
}

/** Loops, forEach/map callbacks and comprehensions over a collection that call each element. */
export function notificationsIn(scope: SyntaxNode, calls: CallSite[], family: Family, find: (types: string[]) => SyntaxNode[], options: { scopeOf?: (node: SyntaxNode) => SyntaxNode | undefined } = {}): Notification[] {
  const resolve = (iterated: string, node: SyntaxNode) => resolveCollection(iterated, options.scopeOf?.(node) ?? scope, node, family);
  const found: Notification[] = [];
  const python = family === "python";
  const loops = find(python ? ["for_statement", "for_in_clause"] : ["for_in_statement"]);
  for (const loop of loops) {
    const variable = loop.childForFieldName("left");
    const iterated = loop.childForFieldName("right")?.text ?? "";
    const names = variable ? elementNames(variable, iterated) : [];
    const body = loop.type === "for_in_clause" ? loop.parent?.childForFieldName("body") ?? null : loop.childForFieldName("body");
    const invoked = invokedWithin(body, names, callbackCollection.test(iterated));
    if (invoked) found.push({ collection: resolve(iterated, loop), iterated, ...invoked, node: loop });
  }
  for (const call of calls) {
    if (!/^(forEach|map|each|reduce|some|every)$/.test(call.name) || call.isNew) continue;
    const callback = call.node.childForFieldName("arguments")?.namedChildren[0];
    if (!callback || !/function|arrow_function/.test(callback.type)) continue;
    const iterated = call.callee.slice(0, -call.name.length - 1);
    const element = parameterNames(callback).slice(call.name === "reduce" ? 1 : 0, call.name === "reduce" ? 2 : 1);
    const invoked = invokedWithin(callback.childForFieldName("body"), element, callbackCollection.test(iterated));
    if (invoked) found.push({ collection: resolve(iterated, call.node), iterated, ...invoked, node: call.node });
  }
  for (const indexed of indexedNotificationsIn(find, family, (collection) => callbackCollection.test(collection))) found.push({ ...indexed, collection: resolve(indexed.iterated, indexed.node) });
  return found;
}

/** `handlers` bound earlier to `self._handlers.get(event, [])` → `@_handlers`. */
function resolveCollection(iterated: string, scope: SyntaxNode, before: SyntaxNode, family: Family, hops = 0): string {
  const key = collectionKey(iterated);
  if (key.startsWith("@") || !/^[\w$]+$/.test(key)) return key;
  for (const binding of scope.descendantsOfType(family === "python" ? ["assignment"] : ["variable_declarator", "assignment_expression"])) {
    if (binding.startIndex > before.startIndex) break;
    const name = (binding.childForFieldName("left") ?? binding.childForFieldName("name"))?.text;
    const value = binding.childForFieldName("right") ?? binding.childForFieldName("value");
    if (name === key && value) {
      // `getattr(self, "on_" + trigger)`: the attribute chosen by the event's name (`@on_*`).
      const chosen = /^getattr\(\s*(?:self|this)\s*,\s*(?:(["'])(\w*)\1\s*\+\s*)?[\w.]+\s*\)$/.exec(value.text);
      if (chosen) return `@${chosen[2] ?? ""}*`;
      // `clone = this.clone()`: what a method of the instance returns is no attribute of it.
      if (/^\(*(?:self|this|cls)\.[#\w$]+\s*\(/.test(value.text)) return key;
      const bound = collectionKey(value.text);
      if (bound.startsWith("@")) return bound;
      // `entry = this._listeners.get(event); listeners = entry.slice()`: followed through a chain of locals.
      if (hops < 2 && bound !== key && /^[\w$]+$/.test(bound)) {
        const further = resolveCollection(value.text, scope, binding, family, hops + 1);
        if (further.startsWith("@")) return further;
      }
    }
  }
  return key;
}

/** Loop variables that hold an element: for `.items()`/`Object.entries()` the value, never the key. */
function elementNames(node: SyntaxNode, iterated: string): string[] {
  const names = variableNames(node);
  if (/\.keys\(\)$|^dir\(/.test(iterated)) return [];
  return /\.items\(\)$|^Object\.entries\(/.test(iterated) ? names.slice(-1) : names;
}

function variableNames(node: SyntaxNode): string[] {
  if (node.type === "identifier") return [node.text];
  return node.descendantsOfType("identifier").map((identifier) => identifier.text);
}

/**
 * The call that invokes one of `names`: `cb(...)`, `listener.call(...)`, `loop.call_soon(cb, ...)`,
 * `self.ensure_sync(f)()`, and — when the collection holds callbacks by its name — a method
 * of the element (`subscriber.afterInsert(event)`).
 */
const collectionOperation = /^(splice|push|pop|shift|unshift|slice|filter|map|forEach|indexOf|includes|join|concat|sort|reverse|append|remove|extend|insert|clear|copy|get|set|has|delete|add|keys|values|items|toString|length|find|findIndex|some|every|entries|at)$/;

// Text predicates and transforms (`name.startswith("__")`, `key.toLowerCase()`): the element is a string, not a callback.
const textOperation = /^(startswith|endswith|strip|lstrip|rstrip|lower|upper|casefold|isidentifier|isdigit|isalpha|isalnum|isupper|islower|isspace|splitlines|partition|rpartition|rsplit|zfill|ljust|rjust|encode|startsWith|endsWith|toLowerCase|toUpperCase|trim|trimStart|trimEnd|charAt|charCodeAt|padStart|padEnd|localeCompare|substring|substr)$/;

function invocation(call: SyntaxNode, direct: boolean): { text: string; direct: boolean; passesArguments: boolean } {
  return { text: call.text, direct, passesArguments: (call.childForFieldName("arguments")?.namedChildren.length ?? 0) > 0 };
}

function invokedWithin(body: SyntaxNode | null, elements: string[], holdsCallbacks: boolean): { text: string; direct: boolean; passesArguments: boolean } | undefined {
  if (!body || elements.length === 0) return undefined;
  const names = [...elements, ...heldFunctions(body, elements)];
  const calls = body.type === "call" || body.type === "call_expression" ? [body, ...body.descendantsOfType(["call", "call_expression"])] : body.descendantsOfType(["call", "call_expression"]);
  for (const call of calls) {
    const callee = calleeText(call);
    // `handler = middleware(handler)`: each element wraps what the last one made — composition, not notification.
    if (composes(call)) continue;
    if (names.includes(callee) || names.some((name) => callee === `${name}.call` || callee === `${name}.apply`)) return invocation(call, true);
    // `pre.fn.apply(context, args)`: the function a listener record holds, applied.
    if (elements.some((name) => new RegExp(`^${name.replace(/\$/g, "\\$")}\\.[\\w$]+\\.(call|apply)$`).test(callee))) return invocation(call, true);
    const inner = call.childForFieldName("function");
    if ((inner?.type === "call" || inner?.type === "call_expression") && names.some((name) => inner.childForFieldName("arguments")?.text === `(${name})`)) return invocation(call, true);
    const first = call.childForFieldName("arguments")?.namedChildren[0]?.text;
    if (first && names.includes(first) && (/call_soon|submit|run_in_executor|queueMicrotask|schedule|ensure_sync|maybe_await|invoke/.test(callee) || /^(self|this)\.[#_]*(run|call|invoke|exec|emit|fire|notify|dispatch|handle|trigger)\w*$/i.test(callee))) return { ...invocation(call, true), passesArguments: true };
    if (holdsCallbacks && names.some((name) => callee.startsWith(`${name}.`) && !collectionOperation.test(lastSegment(callee)) && !textOperation.test(lastSegment(callee)))) return invocation(call, false);
  }
  return undefined;
}
