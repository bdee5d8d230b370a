import type { PatternMatch } from "@/lib/domain";
import { patternMatch, type DetectorContext } from "./detector";
import { ancestorsOf, fileIndexOf } from "./file-index";
import { className } from "./members";
import { classMethods, lastSegment } from "./syntax";

// A class named for keeping computed values: `Cache`, `LRUCache`, `BytecodeCache`, `NodeCache`, `QueryResultCache`.
const cacheRole = /^_*([A-Z]\w*)?Cache$/;
const readMethod = /^(__getitem__|get|load|fetch|lookup|peek|get_?\w+|load_?\w+|fetch_?\w+)$/i;
const writeMethod = /^(__setitem__|set|put|store|dump|save|add|set_?\w+|put_?\w+|store_?\w+|dump_?\w+)$/i;

/**
 * A cache by role: a class named for caching (`…Cache`, or a same-file subclass of one) that reads
 * entries by key and writes them (`get_bucket`/`set_bucket`, `get`/`put`, `__getitem__`/`__setitem__`),
 * whatever keeps them — its own table with a policy, a file, or a cache server. Exceptions and
 * classes with neither a read nor a write method are not caches.
 */
export function cacheByRole(context: DetectorContext): PatternMatch | undefined {
  const name = className(context.node) || lastSegment(context.input.unit.qualname);
  const index = fileIndexOf(context.node, context.family);
  const role = cacheRole.test(name) ? name : ancestorsOf(name, index).map((facts) => facts.name).find((ancestor) => cacheRole.test(ancestor));
  if (!role || /Error|Exception/.test(name)) return undefined;
  const methods = [...classMethods(context.node).map((method) => method.name), ...ancestorsOf(name, index).flatMap((facts) => [...facts.methods])];
  const reads = methods.find((method) => readMethod.test(method));
  const writes = methods.find((method) => writeMethod.test(method));
  if (!reads || !writes) return undefined;
  return patternMatch("cache_memoize", 0.7, [role === name ? `named for caching (${name})` : `a kind of ${role}`, `reads entries with ${reads}() and writes them with ${writes}()`]);
}
