const wordSources: Record<string, string> = {
  n: "name says",
  k: "its class is named with",
  m: "its class has a method named with",
  a: "its class stores an attribute named with",
  c: "calls",
  p: "takes a parameter named with",
  d: "decorated with",
  b: "extends",
  r: "raises",
  x: "catches",
  doc: "docstring says",
  i: "uses the imported module",
};

const structureFacts: Record<string, string> = {
  "returns-nothing": "returns nothing",
  "returns-self": "returns self/this",
  "returns-new-object": "returns a new object",
  "returns-boolean": "returns a yes/no answer",
  "returns-promise": "returns a new Promise",
  "nested-functions": "defines inner functions",
  "returns-inner-function": "returns an inner function",
  "returns-several-classes": "returns instances of several classes",
  loop: "loops",
  try: "has a try block",
  "loop-waits": "waits inside a loop",
  "try-in-loop": "tries again in a loop",
  "calls-each-element": "calls each element of a collection",
  "loop-in-try": "loops inside a try block",
  waits: "waits (sleep/delay)",
  raises: "raises errors",
  catches: "catches errors",
  parameters: "takes parameters",
  "calls-parameter": "calls a function it is given",
  "takes-callable": "takes a function or callback",
  "crud-calls": "calls create/read/update/delete verbs",
  constructs: "constructs objects",
  "calls-own-method": "calls its own methods",
  "delegates-to-member": "delegates to an object it holds",
  "type-checks": "checks types",
  "transaction-calls": "calls commit/rollback",
  "defines-function": "defines a function",
  async: "is async",
  generator: "is a generator",
  "instance-holder": "keeps a shared instance",
  "with-block": "uses a with/using block",
  "stores-by-key": "stores values by key",
  "asks-for-key": "checks whether a key is present",
  "imports-used": "uses imported modules",
  "is-class": "is a class",
  "is-method": "is a method",
  "is-function": "is a function",
  "language-python": "is Python",
  "language-js": "is JavaScript/TypeScript",
};

const classFacts: Record<string, string> = {
  methods: "has many methods",
  "enter-exit": "has __enter__/__exit__",
  callable: "is callable (__call__)",
  "item-access": "supports item access",
  "class-level-methods": "has static/class methods",
  "chaining-methods": "has methods returning self/this",
  "crud-methods": "has create/read/update/delete methods",
  generic: "is generic over a type",
  "implements-abstract": "implements an abstract base",
  "has-base": "extends a base",
  "one-of-several-subclasses": "is one of several classes sharing a base",
};

/**
 * A feature in words, for evidence strings: `n:retry` → "name says retry",
 * `s:loop-waits` → "waits inside a loop", `h:cache_memoize` → "the cache_memoize rule fired".
 */
export function describeFeature(feature: string): string {
  const colon = feature.indexOf(":");
  const source = feature.slice(0, colon);
  const rest = feature.slice(colon + 1);
  if (source === "h") return `the ${rest} rule fired`;
  if (source === "lex") {
    const [kind, place] = rest.split("-");
    const where: Record<string, string> = { name: "name (its own or its class's)", members: "its class's member names", doc: "docstring", calls: "names it calls, takes or extends" };
    return `${where[place ?? ""] ?? place}: ${kind?.replace(/_/g, " ")} words`;
  }
  if (source === "s") {
    const owner = /^(class|owner)-(.*)$/.exec(rest);
    if (owner) return `${owner[1] === "class" ? "the class" : "its class"} ${classFacts[owner[2]!] ?? owner[2]}`;
    return structureFacts[rest] ?? rest;
  }
  return `${wordSources[source] ?? source} "${rest}"`;
}
