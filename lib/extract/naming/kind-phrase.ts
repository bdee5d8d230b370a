import type { CodeUnit, DesignPatternKind } from "@/lib/domain";

const has = (unit: CodeUnit, pattern: RegExp) => pattern.test(unit.code);
const calls = (unit: CodeUnit, pattern: RegExp) => unit.calls.some((call) => pattern.test(call));

function retryPhrase(unit: CodeUnit): string {
  const exponential = has(unit, /\*\*|\bpow\(|<<|\*=\s*\d|\*\s*2\b|\b2\s*\*|\*\s*(backoff|factor|multiplier)/i);
  const jitter = has(unit, /jitter|random/i);
  const wrapper = unit.decorators.length === 0 && /\b(wrapper|wrapped|inner|decorator)\b/.test(unit.code);
  const delay = exponential ? "Exponential Backoff" : has(unit, /sleep|setTimeout|delay/i) ? "Fixed-delay" : "Immediate";
  return `${delay} Retry ${wrapper ? "Decorator" : "Loop"}${jitter ? " with Jitter" : ""}`;
}

function singletonPhrase(unit: CodeUnit): string {
  const locked = has(unit, /\b(Lock|RLock|Mutex|Semaphore)\b|\block\b|synchronized/i);
  const lazy = has(unit, /\bis None\b|===?\s*(null|undefined)|!\s*(this|\w+)\.\w*instance|hasattr\(|not \w+\._?\w*instance/i);
  return `${locked ? "Thread-safe " : ""}${lazy ? "Lazy " : ""}Singleton`;
}

function repositoryPhrase(unit: CodeUnit): string {
  // Driver and ORM verbs, or any call through a connection-like receiver; `this.#queries.get` is a Map, not a database.
  const database =
    calls(unit, /(^|\.)(execute|executemany|commit|rollback|cursor|fetchone|fetchall|findOne|findMany|findUnique|insertOne|insertMany|updateOne|deleteOne|\$transaction)$/) ||
    calls(unit, /^((self|this)\.)?(db|conn|connection|pool|session|cursor|knex|sql|collection|prisma|tx|trx)\.\w+$/i);
  if (database) return "Database-backed Repository";
  if (has(unit, /=\s*(\{\}|\[\]|dict\(\)|new Map\b|new Set\b|\{\s*\}|list\(\))/)) return "In-memory Repository";
  return "CRUD Repository";
}

function cachePhrase(unit: CodeUnit): string {
  if (has(unit, /\b(ttl|expire|expiry|max_age|maxAge)\b/i)) return "TTL Cache";
  if (has(unit, /\blru\b|move_to_end|popitem|\.delete\(\w+\.keys\(\)\.next/i)) return "LRU Memoization Cache";
  return "Memoization Cache";
}

function contextManagerPhrase(unit: CodeUnit): string {
  const generator = unit.decorators.some((decorator) => /contextmanager/.test(decorator));
  const asyncPair = has(unit, /__aenter__|__aexit__/);
  return `${asyncPair ? "Async " : ""}${generator ? "Generator-based Context Manager" : "Context Manager"}`;
}

function transactionPhrase(unit: CodeUnit): string {
  const rollback = has(unit, /rollback|ROLLBACK/);
  return rollback ? "Database Transaction with Commit and Rollback" : "Database Transaction";
}

const fixedPhrases: Partial<Record<DesignPatternKind, (unit: CodeUnit) => string>> = {
  factory: (unit) => (unit.kind === "class" ? "Object Factory" : has(unit, /\[\s*\w+\s*\]|\.get\(\w+/) ? "Registry-based Factory" : "Factory Function"),
  observer_event: (unit) => (unit.kind === "class" ? "Event Emitter with Listener Registry" : "Event Listener Registration"),
  strategy: (unit) => (unit.kind === "class" ? "Interchangeable Strategy" : "Strategy Selection"),
  decorator: (unit) => (unit.language === "python" ? "Function Decorator" : "Higher-order Function Wrapper"),
  builder: () => "Fluent Builder",
  validation: (unit) => (has(unit, /\b(z\.|BaseModel|Schema|validator)\b/) ? "Schema Validator" : "Input Validator"),
  adapter: () => "Interface Adapter",
  error_handling_wrapper: (unit) => (calls(unit, /(log|logger|logging|console)\b/i) ? "Error-handling Wrapper with Logging" : "Error-handling Wrapper"),
};

/**
 * The name of a design-pattern kind as this implementation realises it: the same kind reads
 * "Exponential Backoff Retry Loop" or "Fixed-delay Retry Loop", "Thread-safe Lazy
 * Singleton" or "Singleton", depending on the syntax found in the code.
 */
export function kindPhrase(kind: DesignPatternKind, unit: CodeUnit): string {
  switch (kind) {
    case "retry_backoff":
      return retryPhrase(unit);
    case "singleton":
      return singletonPhrase(unit);
    case "repository_crud":
      return repositoryPhrase(unit);
    case "cache_memoize":
      return cachePhrase(unit);
    case "context_manager":
      return contextManagerPhrase(unit);
    case "db_transaction":
      return transactionPhrase(unit);
    default:
      return fixedPhrases[kind]!(unit);
  }
}
