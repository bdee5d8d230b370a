import type { CodeUnit } from "@/lib/domain";
import { splitIdentifier } from "@/lib/words";

const fillerWords = new Set(["a", "an", "the", "with", "for", "and", "of", "to", "do", "self", "cls", "impl", "fn", "func"]);

/** Words that name no behaviour: a name made only of these says nothing. */
export const genericWords = new Set([
  "run", "main", "handle", "handler", "process", "execute", "exec", "callback", "cb", "wrapper", "wrapped", "inner",
  "helper", "worker", "task", "job", "call", "apply", "invoke", "default", "index", "anonymous", "f", "g", "go", "fn", "func", "it",
]);

/** Verbs and nouns that need an object to say anything: "Get" alone is no name, "Get User" is. */
const thinWords = new Set([
  "get", "set", "is", "has", "to", "on", "make", "create", "value", "data", "item", "obj", "object", "x", "e", "cls", "new", "do",
  // Prepositions and conjunctions: "From" (`_gt_from_lt`, `_le_from_lt`, ...) names nothing.
  "from", "by", "in", "at", "as", "into", "or", "not", "up", "out", "off", "via",
]);

/** Calls that say nothing about what code does: conversions, type checks, collection plumbing, logging. */
export const uninformativeCalls = new Set([
  "print", "len", "str", "int", "float", "bool", "list", "dict", "set", "tuple", "type", "isinstance", "issubclass", "super",
  "range", "enumerate", "zip", "map", "filter", "sorted", "repr", "getattr", "setattr", "hasattr", "id", "iter", "next",
  "push", "log", "append", "get", "format", "join", "toString", "String", "Number", "Boolean", "Array", "Object", "Symbol",
  "require", "isArray", "keys", "values", "entries", "assign", "slice", "concat", "call", "bind", "then", "catch", "min", "max",
  "abs", "round", "floor", "ceil", "parseInt", "parseFloat", "includes", "indexOf", "has", "add", "pop", "shift", "split", "trim",
  "lower", "upper", "strip", "startswith", "endswith", "replace", "encode", "decode", "copy", "update", "items", "extend",
  "startsWith", "endsWith", "toLowerCase", "toUpperCase", "forEach", "reduce", "some", "every", "find", "sort", "Error",
  // A base constructor and a deprecation warning say nothing of what the code does ("... using Warn").
  "__init__", "warn", "warning",
]);

/** Python's special methods by what they do: they say it only to those who know the protocol. */
export const dunderMeaning: Record<string, string> = {
  __repr__: "string representation", __str__: "string conversion", __eq__: "equality", __ne__: "inequality",
  __hash__: "hash", __len__: "length", __iter__: "iteration", __next__: "next item", __getitem__: "item access",
  __setitem__: "item assignment", __delitem__: "item deletion", __contains__: "membership test", __call__: "call",
  __lt__: "ordering", __le__: "ordering", __gt__: "ordering", __ge__: "ordering", __bool__: "truth value",
  __getattr__: "attribute lookup", __setattr__: "attribute assignment", __enter__: "context entry", __exit__: "context exit",
  __aenter__: "async context entry", __aexit__: "async context exit", __aiter__: "async iteration", __anext__: "async next item",
  __add__: "addition", __sub__: "subtraction", __mul__: "multiplication", __mod__: "modulo", __format__: "formatting",
  __or__: "union", __ror__: "union", __ior__: "in-place union", __and__: "intersection", __xor__: "symmetric difference",
  __truediv__: "division", __neg__: "negation", __reduce__: "pickling", __getstate__: "pickling state", __setstate__: "unpickling state", __del__: "finaliser",
};

const stopWords = new Set([
  "the", "and", "for", "with", "that", "this", "from", "into", "are", "was", "were", "will", "can", "may", "not", "its", "it's",
  "has", "have", "been", "but", "all", "any", "one", "when", "which", "who", "what", "then", "than", "there", "their", "them",
  "should", "must", "would", "could", "also", "only", "just", "such", "other", "each", "some", "more", "most", "very", "if",
  "return", "returns", "given", "used", "use", "using", "called", "see", "note", "default", "true", "false", "none", "null",
]);

/** The words of a unit's own name (a special method by its meaning), filler removed. */
export function ownNameWords(unit: CodeUnit): string[] {
  const name = Object.hasOwn(dunderMeaning, unit.name) ? dunderMeaning[unit.name] : unit.name;
  return splitIdentifier(name).filter((word) => !fillerWords.has(word));
}

/** The content words of a docstring's first sentence, in order ("Receive data from the socket." → receive, data, socket). */
export function docstringWords(unit: CodeUnit): string[] {
  const summary = (unit.docstring ?? "").trim().split(/\.\s|\n\s*\n|@\w+/)[0] ?? "";
  const words = summary.toLowerCase().match(/[a-z][a-z]+/g) ?? [];
  return [...new Set(words.filter((word) => word.length >= 3 && !stopWords.has(word)))].slice(0, 10);
}

/** The names a unit calls that say what it does (the last part of `self._loop.call_soon` is `call_soon`). */
export function meaningfulCallNames(unit: CodeUnit): string[] {
  const names = unit.calls.map((call) => call.split(".").pop() ?? call).filter((name) => name && !uninformativeCalls.has(name) && !/^(self|this|cls|super)$/.test(name));
  return [...new Set(names)];
}

/** Members a word must appear in to count as shared: all of two, at least 60% of more. */
function quorum(size: number): number {
  return size <= 2 ? size : Math.ceil(size * 0.6);
}

/** The items of `ordered` present in enough of the sets (see `quorum`), in `ordered`'s order. */
export function sharedItems(sets: Set<string>[], ordered: string[]): string[] {
  const needed = quorum(sets.length);
  return [...new Set(ordered)].filter((item) => sets.filter((set) => set.has(item)).length >= needed);
}

/** Words that name behaviour on their own (not generic, not a bare accessor verb, not a number). */
export function informative(words: string[]): string[] {
  return words.filter((word) => !genericWords.has(word) && !thinWords.has(word) && !/^\d+$/.test(word));
}
