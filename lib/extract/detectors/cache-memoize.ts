import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import type { PatternMatch } from "@/lib/domain";
import { delegateOfReturns } from "./cache-delegation";
import { readThrough } from "./cache-read-through";
import { cacheByRole, cacheRoleMember } from "./cache-role";
import { DetectorContext, patternMatch, snippet, type Detector, remembered } from "./detector";
import { ownReturns, returnedValue, expressionBody } from "./functions";
import { className, classNamed, methodOf } from "./members";
import { calleeText, classBases, classMethods, lastSegment, nodeTypes, parameterNames, pythonDecorators, type Family } from "./syntax";

const cachingDecorator = /(^|\.)(lru_cache|cache|cached_property|memoize|memoized)(\(.*\))?$/;

/**
 * Memoisation: a table consulted before computing (`key in cache`, `cache.get(k)`,
 * `map.has(k)`) and filled after (`cache[k] = v`, `map.set(k, v)`), returning the stored
 * value. Decorating with `@lru_cache`/`@cache` is weaker evidence for the decorated unit; a
 * descriptor class whose `__get__` memoises is a caching class.
 */
export const detectCacheMemoize: Detector = remembered((context) => {
  if (context.isClass) return cachingDescriptor(context) ?? cacheClass(context) ?? cacheByRole(context);
  // `__new__` handing out the instance its class keeps per key (`if key in cls._instances: return cls._instances[key]`) is a singleton's, not a memo.
  if (context.family === "python" && context.input.unit.qualname.endsWith(".__new__")) return undefined;
  const member = cacheMember(context);
  if (member) return member;
  // The table logic often lives in a returned closure (`def wrapper(*args)` / `(...values) => {}`).
  for (const scope of [context.node, ...context.find(nodeTypes[context.family].function)]) {
    const table = memoTable(context, scope) ?? readThrough(context, scope);
    if (table) return table;
  }
  const decorator = pythonDecorators(context.node).find((name) => cachingDecorator.test(name));
  return decorator ? patternMatch("cache_memoize", 0.5, [`decorated with @${decorator}`]) : memoizerFactory(context);
});

const delegating = new WeakSet<SyntaxNode>();
const delegateAnswers = new WeakMap<SyntaxNode, PatternMatch | null>();

/**
 * A memoizing decorator factory: every return hands over to a same-file function that
 * memoises (`def lru_cache(maxsize): return _cache(LRUCache(maxsize), typed)`).
 */
function memoizerFactory(context: DetectorContext): PatternMatch | undefined {
  if (delegating.has(context.node)) return undefined;
  const delegate = delegateOfReturns(context.node, context.family);
  if (!delegate) return undefined;
  delegating.add(context.node);
  try {
    let target = delegateAnswers.get(delegate.target);
    if (target === undefined) {
      target = detectCacheMemoize(new DetectorContext({ ...context.input, node: delegate.target })) ?? null;
      delegateAnswers.set(delegate.target, target);
    }
    return target ? patternMatch("cache_memoize", target.confidence - 0.1, [`returns ${snippet(delegate.text, 40)}, and ${delegate.name}() memoises: ${target.evidence[0]}`]) : undefined;
  } finally {
    delegating.delete(context.node);
  }
}

function cachingDescriptor(context: DetectorContext): PatternMatch | undefined {
  // Either protocol method may hold the memo (a method descriptor's `__get__` only binds; its `__call__` memoises).
  for (const getter of classMethods(context.node).filter((method) => method.name === "__get__" || method.name === "__call__")) {
    const inner = memoTable(context, getter.node);
    if (inner) return patternMatch("cache_memoize", inner.confidence - 0.1, [`${getter.name}() memoises:`, ...inner.evidence]);
  }
  const getter = classMethods(context.node).find((method) => method.name === "__get__");
  const stored = getter ? instanceStore(getter.node) : undefined;
  return stored ? patternMatch("cache_memoize", 0.8, [`__get__() stores the computed value on the instance (${snippet(stored, 40)}), so later reads find it there`]) : undefined;
}

const expiryClock = /^(time\.(time|monotonic|perf_counter)|monotonic|time|timer|Date\.now|performance\.now|datetime\.(now|utcnow)|now|this\.(timer|now|clock)|self\.(timer|_timer|clock|now))$/;
const evictionCall = /^(popitem|move_to_end|popleft|pop)$/;

/**
 * A cache class: a table the instance owns, a method reading it by key and one writing it,
 * and a policy bounding it — eviction when it outgrows a size (`popitem(last=False)`,
 * deleting `keys().next().value`) or expiry against a clock (`time.monotonic() > expires`);
 * or a subclass of such a class in the same file (`LRUCache(Cache)`). A plain dict wrapper
 * with get/set has no policy and is not a cache.
 */
function cacheClass(context: DetectorContext): PatternMatch | undefined {
  return cacheClassOf(context.node, context.family) ?? cachingSubclass(context.node, context.family);
}

const cacheClasses = new WeakMap<SyntaxNode, PatternMatch | null>();

/** Whether a class is a cache (a keyed table with an eviction or expiry policy, or a same-file subclass of one). */
export function isCacheClass(classNode: SyntaxNode, family: Family): boolean {
  return (cacheClassOf(classNode, family) ?? cachingSubclass(classNode, family)) !== undefined;
}

function cacheClassOf(classNode: SyntaxNode, family: Family): PatternMatch | undefined {
  let match = cacheClasses.get(classNode);
  if (match === undefined) {
    match = readCacheClass(classNode, family) ?? null;
    cacheClasses.set(classNode, match);
  }
  return match ?? undefined;
}

function readCacheClass(classNode: SyntaxNode, family: Family): PatternMatch | undefined {
  const methods = classMethods(classNode);
  if (methods.length < 2) return undefined;
  const reads = methods.find((method) => readMethod.test(plainName(method.name)));
  const writes = methods.filter((method) => writeMethod.test(plainName(method.name)));
  if (!reads || writes.length === 0) return undefined;
  // `__setitem__` often hands over to `set()`, where the eviction is: every write method counts.
  const policy = writes.map((write) => evictionPolicy(classNode, family, write.node, methods)).find(Boolean) ?? expiryPolicy(classNode, family);
  if (!policy) return undefined;
  const table = tableAttribute(reads.node.text);
  // Reading and filling a store handed to the constructor (`this._store = store`) adapts that store; it keeps no table of its own.
  if (table && givenStore(classNode, methods, table)) return undefined;
  if (table) cacheTables.set(classNode, table);
  return patternMatch("cache_memoize", 0.85, [`${reads.name}() and ${writes[0]!.name}() read and fill a keyed table`, policy]);
}

/** Whether the constructor sets the attribute to one of its parameters, as given (`self._store = store`). */
function givenStore(classNode: SyntaxNode, methods: readonly { name: string; node: SyntaxNode }[], attribute: string): boolean {
  const constructor = methods.find((method) => /^(__init__|constructor)$/.test(method.name));
  if (!constructor) return false;
  const parameters = parameterNames(constructor.node);
  const assigned = new RegExp(`(?:self|this)\\.${attribute.replace(/\$/g, "\\$")}\\s*=\\s*([\\w$]+)\\s*[;\\n]`).exec(constructor.node.text)?.[1];
  return assigned !== undefined && parameters.includes(assigned);
}

/** The method name without its privacy mark (`#get` → get, `_set` → set); dunders stay. */
function plainName(name: string): string {
  return /^__\w+__$/.test(name) ? name : name.replace(/^[_#]+/, "");
}

const cacheTables = new WeakMap<SyntaxNode, string>();

/** The instance attribute a read method looks entries up in (`self.__cache.get(key)`, `this.#keyMap.get(k)`, `this.data[key]`). */
function tableAttribute(text: string): string | undefined {
  return /\b(?:self|this)\.([#\w$]+)\s*(?:\[|\.get\(|\.has\()/.exec(text)?.[1];
}

const readMethod = /^(get|__getitem__|__contains__|has|peek|lookup|fetch)$/;
const writeMethod = /^(set|__setitem__|put|add|store|insert)$/;
const policyMethod = /evict|prune|expire|cleanup|trim|purge|shrink|cull|popitem|__missing__|__delitem__/i;

function cachingSubclass(classNode: SyntaxNode, family: Family): PatternMatch | undefined {
  for (const base of classBases(classNode).map((text) => lastSegment(text.replace(/[<(\[].*$/s, "")))) {
    const baseNode = classNamed(classNode, base, family);
    const inherited = baseNode && baseNode.id !== classNode.id ? cacheClassOf(baseNode, family) : undefined;
    if (inherited) return patternMatch("cache_memoize", 0.8, [`extends the cache ${base}`, ...inherited.evidence.slice(1)]);
  }
  return undefined;
}

/** A method of a cache class that reads, fills, evicts or expires its entries, by its name, its table, or its own get and set. */
function cacheMember(context: DetectorContext): PatternMatch | undefined {
  const member = methodOf(context.node, context.family);
  if (!member || /^(__init__|constructor)$/.test(member.method.name)) return undefined;
  const owner = cacheClassOf(member.classNode, context.family) ?? cachingSubclass(member.classNode, context.family);
  if (!owner) return cacheRoleMember(member.classNode, member.method, context.family);
  const role = memberRole(member.classNode, context.node, member.method.name, 1);
  return role ? patternMatch("cache_memoize", role.confidence, [`${member.method.name}() ${role.reason} of the cache ${className(member.classNode)}`, ...owner.evidence.slice(-1)]) : undefined;
}

function memberRole(classNode: SyntaxNode, method: SyntaxNode, name: string, depth: number): { reason: string; confidence: number } | undefined {
  const plain = plainName(name);
  if (readMethod.test(plain) || writeMethod.test(plain) || policyMethod.test(plain)) return { reason: "is a read, write or policy method", confidence: 0.75 };
  const text = method.text;
  const table = cacheTables.get(classNode);
  if (table && new RegExp(`\\b(?:self|this)\\.${table.replace(/\$/g, "\\$")}\\s*(?:\\[|\\.(?:get|set|has|delete|pop|setdefault|keys|values|items)\\b)`).test(text)) return { reason: `works on the entries (${table})`, confidence: 0.7 };
  const siblings = [...text.matchAll(/\b(?:self|this)\.([#\w$]+)\s*\(/g)].map((match) => match[1]!);
  const plainSiblings = siblings.map(plainName);
  if (plainSiblings.some((sibling) => readMethod.test(sibling)) && plainSiblings.some((sibling) => writeMethod.test(sibling))) return { reason: "reads then fills the entries through its own get and set", confidence: 0.75 };
  if (depth === 0) return undefined;
  const methods = classMethods(classNode);
  for (const sibling of new Set(siblings)) {
    const found = sibling === name ? undefined : methods.find((candidate) => candidate.name === sibling);
    const inner = found && !/^(__init__|constructor)$/.test(sibling) ? memberRole(classNode, found.node, sibling, depth - 1) : undefined;
    if (inner && !inner.reason.startsWith("is a read")) return { reason: `hands over to ${sibling}(), which ${inner.reason}`, confidence: 0.7 };
  }
  return undefined;
}

function callsIn(node: SyntaxNode, family: Family): { node: SyntaxNode; callee: string; name: string }[] {
  return node.descendantsOfType(nodeTypes[family].call as unknown as string[]).map((call) => {
    const callee = calleeText(call);
    return { node: call, callee, name: lastSegment(callee) };
  });
}

/** Eviction where entries are added (the write method, or a helper named for pruning). */
function evictionPolicy(classNode: SyntaxNode, family: Family, writes: SyntaxNode, methods: readonly { name: string; node: SyntaxNode }[]): string | undefined {
  // The write method, policy-named methods, and the helpers the write method calls (`self._manage_size()`).
  const called = new Set([...writes.text.matchAll(/\b(?:self|this)\.([#\w$]+)\s*\(/g)].map((match) => match[1]!));
  const scopes = [writes, ...methods.filter((method) => policyMethod.test(method.name) || (called.has(method.name) && method.node.id !== writes.id)).map((method) => method.node)];
  const eviction = scopes.flatMap((scope) => callsIn(scope, family)).find((call) => {
    if (evictionCall.test(call.name)) return call.name !== "pop" || /^\(\s*(last\s*=\s*False|0)?\s*\)$/.test(call.node.childForFieldName("arguments")?.text ?? "");
    return call.name === "delete" && /keys\(\)\.next\(\)\.value/.test(call.node.text);
  }) ?? scopes.flatMap((scope) => scope.descendantsOfType(family === "python" ? "delete_statement" : "unary_expression")).map((node) => ({ node })).find(({ node }) => /^(del|delete)\s+(self|this)\.[#\w$]+\[/.test(node.text));
  if (!eviction) return undefined;
  const bounded = classNode.descendantsOfType(family === "python" ? "comparison_operator" : "binary_expression").find((node) => /\b(len\(|\.size\b|\.length\b|maxsize|max_?size|max_?len|capacity|limit|max\b)/i.test(node.text) && /[<>]=?|==/.test(node.text));
  return bounded ? `evicts (${snippet(eviction.node.text, 40)}) when full (${snippet(bounded.text, 40)})` : undefined;
}

function expiryPolicy(classNode: SyntaxNode, family: Family): string | undefined {
  const clock = callsIn(classNode, family).find((call) => expiryClock.test(call.callee));
  if (!clock) return undefined;
  const expiring = /ttl|expir|max_?age|stale|timeout/i.test(classNode.text);
  const compared = classNode.descendantsOfType(family === "python" ? "comparison_operator" : "binary_expression").find((node) => /[<>]=?/.test(node.text) && (/ttl|expir|max_?age|stale/i.test(node.text) || (expiring && node.text.includes(clock.node.text))));
  return compared ? `entries expire against the clock (${snippet(compared.text, 40)})` : undefined;
}

function memoTable(context: DetectorContext, scope: SyntaxNode): PatternMatch | undefined {
  const stores = storesIn(context, scope);
  if (stores.length === 0) return undefined;
  const lookups = lookupsIn(context, scope);
  const returnedTexts = [...ownReturns(scope, context.family).flatMap((statement) => returnedValue(statement) ?? []), ...[expressionBody(scope)].flatMap((body) => body ?? [])].map((value) => value.text);
  for (const store of stores) {
    // A memo keeps what it computed; writing a constant back (`buffer[i] = [None]`) clears a slot.
    if (store.value !== undefined && constantValue.test(store.value.trim())) continue;
    const lookup = lookups.find((candidate) => candidate.table === store.table && candidate.position < store.position);
    if (!lookup) continue;
    const perObject = /^getattr\(\s*([\w.]+)\s*,\s*([\w.]+)/.exec(returnedTexts.find((text) => text.startsWith("getattr(")) ?? "");
    const returnsStored = returnedTexts.some((text) => text.startsWith(`${store.table}[`) || text.startsWith(`${store.table}.get(`) || (lookup.boundTo !== undefined && entryOf(text, lookup.boundTo, lookup.text)) || text === store.value || storedWithin(text, store)) || (perObject !== null && `${perObject[1]}.${perObject[2]}` === store.table && !/^(cls|self\.__class__|type\(self\))\(/.test(store.value ?? ""));
    if (!returnsStored) continue;
    return patternMatch("cache_memoize", 0.9, [`consults ${store.table} first (${snippet(lookup.text, 40)})`, `stores the computed value (${snippet(store.text, 40)})`]);
  }
  return undefined;
}

const constantValue = /^(\[\s*(None|null|undefined)?\s*\]|None|null|undefined|True|False|true|false|-?\d+|""|''|\{\s*\}|\(\s*\))$/;

interface TableUse {
  table: string;
  position: number;
  text: string;
  value?: string;
  boundTo?: string;
}

function storesIn(context: DetectorContext, scope: SyntaxNode): TableUse[] {
  const found: TableUse[] = [];
  const python = context.family === "python";
  for (const assignment of context.findWithin(scope, python ? ["assignment"] : ["assignment_expression"])) {
    const left = assignment.childForFieldName("left");
    if (left?.type !== "subscript" && left?.type !== "subscript_expression") continue;
    const table = (left.childForFieldName("value") ?? left.childForFieldName("object"))?.text ?? "";
    found.push({ table, position: assignment.startIndex, text: assignment.text, value: assignment.childForFieldName("right")?.text });
  }
  for (const call of context.callsWithin(scope)) {
    if (call.callee === "setattr" || call.callee === "object.__setattr__") {
      const values = call.node.childForFieldName("arguments")?.namedChildren ?? [];
      if (values.length >= 3) found.push({ table: `${values[0]!.text}.${values[1]!.text}`, position: call.node.startIndex, text: call.node.text, value: values[2]!.text });
      continue;
    }
    if (call.name !== "set" && call.name !== "setdefault") continue;
    const value = call.node.childForFieldName("arguments")?.namedChildren[1]?.text;
    found.push({ table: call.callee.slice(0, -call.name.length - 1), position: call.node.startIndex, text: call.node.text, value });
  }
  return found;
}

function lookupsIn(context: DetectorContext, scope: SyntaxNode): TableUse[] {
  const found: TableUse[] = [];
  const getters = new Map<string, string>();
  for (const assignment of context.find(context.family === "python" ? ["assignment"] : ["variable_declarator"])) {
    const name = (assignment.childForFieldName("left") ?? assignment.childForFieldName("name"))?.text ?? "";
    const value = assignment.childForFieldName("right") ?? assignment.childForFieldName("value");
    const text = value?.text ?? "";
    const alias = /^([\w$.#]+)\.get$/.exec(text)?.[1];
    if (alias) getters.set(name, alias);
    const read = /^([\w$.#]+)(?:\.get\(|\[)/.exec(text)?.[1];
    const inScope = assignment.startIndex >= scope.startIndex && assignment.endIndex <= scope.endIndex;
    if (read && inScope && /^[\w$]+$/.test(name)) found.push({ table: read, position: assignment.startIndex, text: assignment.text, boundTo: name });
  }
  for (const call of context.callsWithin(scope)) {
    if (call.callee === "getattr" || call.callee === "hasattr") {
      const values = call.node.childForFieldName("arguments")?.namedChildren ?? [];
      const bound = call.node.parent?.type === "assignment" ? call.node.parent.childForFieldName("left")?.text : undefined;
      // `hasattr(obj, name)`, or `getattr(obj, name, sentinel)` kept in a local: a per-object lookup.
      const lookup = call.callee === "hasattr" || (values.length >= 3 && bound !== undefined);
      if (lookup) found.push({ table: `${values[0]!.text}.${values[1]!.text}`, position: call.node.startIndex, text: call.node.text, boundTo: bound });
      continue;
    }
    const table = call.name === "has" || call.name === "__contains__" ? call.callee.slice(0, -call.name.length - 1) : getters.get(call.callee);
    const bound = call.node.parent?.type === "assignment" ? call.node.parent.childForFieldName("left")?.text : undefined;
    if (table) found.push({ table, position: call.node.startIndex, text: call.node.text, boundTo: bound });
  }
  for (const read of context.findWithin(scope, [context.family === "python" ? "subscript" : "subscript_expression"])) {
    const parent = read.parent;
    if ((parent?.type === "assignment" || parent?.type === "assignment_expression") && parent.childForFieldName("left")?.id === read.id) continue;
    const table = (read.childForFieldName("value") ?? read.childForFieldName("object"))?.text ?? "";
    if (table === "self" || table === "this") continue;
    // `try: return cache[key] except KeyError: ...` — the read guards the computation after it.
    const guarded = parent?.type === "return_statement" && parent.parent?.parent?.type === "try_statement" && parent.parent.parent.childForFieldName("body")?.id === parent.parent.id;
    if (guarded) found.push({ table, position: read.startIndex, text: read.text });
  }
  for (const comparison of context.findWithin(scope, ["comparison_operator", "binary_expression"])) {
    // ` in ` must occur for a membership test; checking that first keeps long expressions linear.
    if (!/\sin\s/.test(comparison.text)) continue;
    const membership = /^(.+?)\s+(not\s+)?in\s+([\w$.#]+)$/s.exec(comparison.text);
    if (membership) found.push({ table: membership[3]!, position: comparison.startIndex, text: comparison.text });
  }
  return found;
}

/** `entry`, or `entry.data` / `entry[0]` after `entry = cache.get(key)`: the looked-up entry or a field of it. */
function entryOf(text: string, bound: string, lookup: string): boolean {
  return text === bound || (/\.get\(/.test(lookup) && (text.startsWith(`${bound}.`) || text.startsWith(`${bound}[`)));
}

/** `result` returned after `cache.set(key, { data: result, maxAge })`: a computed local kept inside an entry record stored for it. */
function storedWithin(text: string, store: TableUse): boolean {
  const value = store.value;
  if (value === undefined || text === store.table || !/^[\[{(]/.test(value.trim()) || /^(None|True|False|null|undefined|true|false|this|self)$/.test(text)) return false;
  return /^[A-Za-z_$][\w$]*$/.test(text) && value !== text && new RegExp(`(^|[^\\w$.])${text.replace(/\$/g, "\\$")}([^\\w$]|$)`).test(value);
}

/**
 * `obj.__dict__[self.__name__] = result = self.fget(obj); return result`: a descriptor's `__get__`
 * that computes the value once and keeps it in the instance's own dictionary (or with
 * `setattr(obj, ...)`), where attribute lookup finds it before the descriptor next time.
 */
function instanceStore(getter: SyntaxNode): string | undefined {
  const instance = parameterNames(getter)[1];
  if (!instance) return undefined;
  const returns = ownReturns(getter, "python").map((statement) => returnedValue(statement)?.text ?? "");
  if (!returns.some((text) => text !== "self" && text !== "" && text !== "None")) return undefined;
  const keep = new RegExp(`^(${instance}\\.__dict__\\[[^\\]]+\\]\\s*=|setattr\\(\\s*${instance}\\s*,)`);
  return getter.descendantsOfType(["assignment", "call"]).find((node) => keep.test(node.text))?.text;
}
