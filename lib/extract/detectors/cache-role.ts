import type { PatternMatch } from "@/lib/domain";
import { patternMatch, type DetectorContext } from "./detector";
import { ancestorsOf, fileIndexOf } from "./file-index";
import { className } from "./members";
import { classMethods, isSelfName, lastSegment, parameterNames, type Family, type MethodInfo } from "./syntax";
import type { SyntaxNode } from "@/lib/extract/syntax-tree";

// A class named for keeping computed values: `Cache`, `LRUCache`, `BytecodeCache`, `NodeCache`, `QueryResultCache`.
const cacheRole = /^_*([A-Z]\w*)?Cache$/;
const readMethod = /^(__getitem__|get|load|fetch|lookup|peek|get_?\w+|load_?\w+|fetch_?\w+)$/i;
const writeMethod = /^(__setitem__|set|put|store|dump|save|add|set_?\w+|put_?\w+|store_?\w+|dump_?\w+)$/i;

// The operations that keep entries by key (not `getStats`, `setOptions`): a cache by role's members.
const memberOperation = /^(__getitem__|__setitem__|get|set|put|add|store|peek|lookup|fetch|load|get_?or_?(create|set|put|load)|(get|set|put)_?(value|many|item|bucket|entry))$/i;

/**
 * A cache by role: a class named for caching (`…Cache`, or a same-file subclass of one) that reads
 * entries by key and writes them (`get_bucket`/`set_bucket`, `get`/`put`, `__getitem__`/`__setitem__`),
 * whatever keeps them — its own table with a policy, a file, or a cache server. Exceptions and
 * classes with neither a read nor a write method are not caches.
 */
export function cacheByRole(context: DetectorContext): PatternMatch | undefined {
  return cacheRoleOf(context.node, context.family, className(context.node) || lastSegment(context.input.unit.qualname));
}

const roles = new WeakMap<SyntaxNode, PatternMatch | null>();

function cacheRoleOf(classNode: SyntaxNode, family: Family, name: string): PatternMatch | undefined {
  let match = roles.get(classNode);
  if (match === undefined) {
    match = readCacheRole(classNode, family, name) ?? null;
    roles.set(classNode, match);
  }
  return match ?? undefined;
}

function readCacheRole(classNode: SyntaxNode, family: Family, name: string): PatternMatch | undefined {
  const index = fileIndexOf(classNode, family);
  const role = cacheRole.test(name) ? name : ancestorsOf(name, index).map((facts) => facts.name).find((ancestor) => cacheRole.test(ancestor));
  if (!role || /Error|Exception/.test(name)) return undefined;
  const methods = [...classMethods(classNode).map((method) => method.name), ...ancestorsOf(name, index).flatMap((facts) => [...facts.methods])];
  const reads = methods.find((method) => readMethod.test(method));
  const writes = methods.find((method) => writeMethod.test(method));
  if (!reads || !writes) return undefined;
  return patternMatch("cache_memoize", 0.7, [role === name ? `named for caching (${name})` : `a kind of ${role}`, `reads entries with ${reads}() and writes them with ${writes}()`]);
}

/**
 * A read or write operation of a cache by role (`Cache.get`, `Cache.put`, `Cache.get_or_create`): a
 * public method of such a class named as one, taking a key. The class's job is keeping entries by key;
 * these are the methods that do it, whatever store they reach.
 */
export function cacheRoleMember(classNode: SyntaxNode, method: MethodInfo, family: Family): PatternMatch | undefined {
  const owner = className(classNode);
  if (!owner || !memberOperation.test(method.name)) return undefined;
  if (parameterNames(method.node).filter((parameter) => !isSelfName(parameter)).length === 0) return undefined;
  const role = cacheRoleOf(classNode, family, owner);
  if (!role) return undefined;
  const operation = writeMethod.test(method.name) && !/^get/i.test(method.name) ? "writes" : "reads";
  return patternMatch("cache_memoize", 0.65, [`method of ${owner}, a cache: ${method.name}() ${operation} its entries by key`, role.evidence[0]!]);
}
