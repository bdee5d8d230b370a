import type { PatternMatch } from "@/lib/domain";
import { patternMatch, type DetectorContext } from "./detector";
import { ancestorsOf, fileIndexOf, type ClassFacts, type FileIndex } from "./file-index";
import { functionName } from "./functions";

const lifecycle = /^(__\w+__|constructor|__init__)$/;
const maxOperations = 3;
const maxFamily = 10;

function publicMethods(facts: ClassFacts): number {
  return [...facts.methods].filter((method) => !lifecycle.test(method) && !/^_/.test(method)).length;
}
const notAFamily = /(Error|Exception|Warning|Test|TestCase|Tests|Mixin|Meta|Enum|Dict|List|Tuple|Set|Thread|Process|Exit|Interrupt)$/;

/**
 * One interchangeable implementation of an interface: a class that implements the abstract
 * methods of a base of its file next to other implementations of it, or a variant named after
 * the family it joins (`DateTrigger(BaseTrigger)`, `JSONStorage(Storage)`,
 * `wait_exponential(wait_base)`, `util.inherits(FibonacciBackoffStrategy, BackoffStrategy)`)
 * that overrides the family's methods.
 */
export function familyMember(context: DetectorContext): PatternMatch | undefined {
  const index = fileIndexOf(context.node, context.family);
  if (!context.isClass) return prototypeVariant(context);
  const name = context.node.childForFieldName("name")?.text ?? "";
  const facts = index.classes.get(name);
  if (!facts || notAFamily.test(name) || typeHierarchy(facts, index)) return undefined;
  return implementsAbstractBase(facts, index) ?? namedVariant(facts, facts.bases, context) ?? abstractInterface(facts);
}

const maxAncestors = 2;
const maxBaseMethods = 8;

/**
 * A class deep in a same-file hierarchy (`FixedCharField` → CharField → _StringField → Field),
 * under a base rich in behaviour of its own (a base with a dozen public methods is a type
 * the subclasses specialise), or under an exception class is a type, not an interchangeable
 * strategy. Exported for the family's base (`interchangeableSubclasses`).
 */
export function typeHierarchy(facts: ClassFacts, index: FileIndex, limit = maxAncestors): boolean {
  const ancestors = ancestorsOf(facts.name, index);
  if (ancestors.length > limit) return true;
  if ([facts, ...ancestors].some((ancestor) => ancestor.bases.some((base) => /(Error|Exception|Warning)$/.test(base)))) return true;
  return ancestors.some((ancestor) => publicMethods(ancestor) > maxBaseMethods);
}

/** An abstract base declaring the methods its implementations (in other modules) supply: `BaseTrigger.get_next_fire_time`. */
function abstractInterface(facts: ClassFacts): PatternMatch | undefined {
  const declared = [...facts.abstractMethods].filter((method) => !lifecycle.test(method) || method === "__call__");
  // A strategy interface is narrow: a few operations to supply, little behaviour of its own.
  const concrete = [...facts.methods].filter((method) => !facts.abstractMethods.has(method) && !lifecycle.test(method) && !/^_/.test(method));
  if (!facts.isAbstract || declared.length === 0 || declared.length > maxOperations || concrete.length > 2) return undefined;
  return patternMatch("strategy", 0.6, [`declares abstract ${declared.slice(0, 3).join(", ")}`, "for interchangeable implementations to supply"]);
}

function implementsAbstractBase(facts: ClassFacts, index: FileIndex): PatternMatch | undefined {
  for (const base of facts.bases) {
    const baseFacts = index.classes.get(base);
    const abstract = [...(baseFacts?.abstractMethods ?? [])].filter((method) => !/^(__init__|constructor)$/.test(method));
    if (!baseFacts?.isAbstract || abstract.length === 0) continue;
    const implemented = abstract.filter((method) => facts.methods.has(method));
    if (implemented.length === 0) continue;
    const siblings = [...index.classes.values()].filter((other) => other.name !== facts.name && other.bases.includes(base) && abstract.some((method) => other.methods.has(method)));
    // Dozens of subclasses of one base are a type hierarchy (schema node types), not interchangeable strategies.
    if (siblings.length === 0 || siblings.length >= maxFamily) continue;
    return patternMatch("strategy", 0.8, [
      `implements ${base}'s abstract ${implemented.slice(0, 3).join(", ")}`,
      `interchangeable with ${siblings.slice(0, 3).map((other) => other.name).join(", ")}`,
    ]);
  }
  return overridesWithSiblings(facts, index);
}

/** One of ≥3 subclasses of a same-file base that override the same method of it (`BasicAuth.auth_flow`, `DigestAuth.auth_flow`, ...). */
function overridesWithSiblings(facts: ClassFacts, index: FileIndex): PatternMatch | undefined {
  for (const base of facts.bases) {
    const baseFacts = index.classes.get(base);
    if (!baseFacts || notAFamily.test(base)) continue;
    for (const method of facts.methods) {
      if ((lifecycle.test(method) && method !== "__call__") || !baseFacts.methods.has(method)) continue;
      const siblings = [...index.classes.values()].filter((other) => other.name !== facts.name && other.bases.includes(base) && other.methods.has(method));
      if (siblings.length < 2 || siblings.length >= maxFamily || publicMethods(facts) > maxOperations) continue;
      return patternMatch("strategy", 0.7, [`overrides ${base}.${method}()`, `as ${siblings.length} other subclasses do (${siblings.slice(0, 3).map((other) => other.name).join(", ")})`]);
    }
  }
  return undefined;
}

function namedVariant(facts: ClassFacts, bases: string[], context: DetectorContext): PatternMatch | undefined {
  const overriding = [...facts.methods].filter((method) => !lifecycle.test(method) && !/^_[^_]/.test(method));
  // A variant supplies the family's few operations; a subclass adding many methods extends it instead.
  if (overriding.length === 0 || overriding.length > maxOperations) return undefined;
  for (const base of bases) {
    const family = familyName(base);
    if (!family || notAFamily.test(base) || base === facts.name || !joinsFamily(facts.name, family)) continue;
    const known = Object.hasOwn(context.input.fileImports, base) || fileIndexOf(context.node, context.family).classes.has(base);
    if (!known || !familyRoot(base, fileIndexOf(context.node, context.family))) continue;
    return patternMatch("strategy", 0.65, [`a ${family} variant: ${facts.name} extends ${base}`, `overrides ${overriding.slice(0, 3).join(", ")}`]);
  }
  return undefined;
}

// Role nouns of interchangeable parts: a `…Backend` or `…Policy` subclass is one more of them; a `…Connection` or `…Event` subclass specialises a type.
const roleNoun = /(Strategy|Policy|Backend|Storage|Store|Trigger|Handler|Provider|Driver|Transport|Serializer|Formatter|Renderer|Loader|Engine|Scheduler|Executor|Algorithm|Codec|Encoder|Decoder|Resolver|Selector|Matcher|Filter)$/;

/** A base that stands for a family: named so (`BaseTrigger`, `AbstractStorage`, `wait_base`), abstract in its file, or a role noun. */
function familyRoot(base: string, index: FileIndex): boolean {
  if (/^_*(Base|Abstract|Generic|I(?=[A-Z][a-z]))[A-Z]|^(base|abstract)_|_(base|abc)$/.test(base)) return true;
  return index.classes.get(base)?.isAbstract === true || roleNoun.test(base);
}

/** `BaseTrigger` → Trigger, `AbstractStorage` → Storage, `BackoffStrategy` → BackoffStrategy, `wait_base` → wait. */
function familyName(base: string): string | undefined {
  const snake = /^(?:base_|abstract_)?([a-z][a-z0-9]*)(?:_base|_abc)?$/.exec(base);
  if (snake && /_/.test(base)) return snake[1];
  const core = base.replace(/^_+/, "").replace(/^(Base|Abstract|Generic|Default)(?=[A-Z])/, "").replace(/^I(?=[A-Z][a-z])/, "");
  const words = core.match(/[A-Z][a-z0-9]+/g);
  if (!words || words.length === 0) return undefined;
  const head = words.at(-1)!;
  return head.length >= 4 ? core : undefined;
}

/** `DateTrigger` joins Trigger; `ExponentialBackoffStrategy` joins BackoffStrategy (or Strategy); `wait_fixed` joins wait. */
function joinsFamily(name: string, family: string): boolean {
  if (/^[a-z]/.test(family)) return name.startsWith(`${family}_`) || name.endsWith(`_${family}`);
  if (name === family) return false;
  const head = family.match(/[A-Z][a-z0-9]+/g)!.at(-1)!;
  return name.endsWith(family) || name.endsWith(head);
}

/** ES5 classes: `util.inherits(Child, Parent)` / `Child.prototype = Object.create(Parent.prototype)`. */
function prototypeVariant(context: DetectorContext): PatternMatch | undefined {
  if (context.family !== "js") return undefined;
  const name = functionName(context.node);
  if (!name || !/^[A-Z]/.test(name) || context.node.parent?.type !== "program") return undefined;
  const source = context.input.source;
  if (!source.includes(`${name}.prototype`)) return undefined;
  const abstract = [...source.matchAll(new RegExp(`${name}\\.prototype\\.([\\w$]+)\\s*=\\s*function\\s*\\([^)]*\\)\\s*\\{\\s*throw\\s+new\\s+\\w*Error\\([^;]*(unimplemented|not\\s+implemented|abstract)`, "gi"))].map((match) => match[1]!);
  if (abstract.length > 0) return patternMatch("strategy", 0.6, [`declares abstract ${abstract.slice(0, 3).join(", ")} (they throw until overridden)`, "for interchangeable implementations to supply"]);
  const parent = new RegExp(`inherits\\(\\s*${name}\\s*,\\s*([\\w$.]+)\\s*\\)|${name}\\.prototype\\s*=\\s*Object\\.create\\(\\s*([\\w$.]+)\\.prototype`).exec(source);
  const base = parent?.[1] ?? parent?.[2];
  if (!base) return undefined;
  const methods = [...source.matchAll(new RegExp(`${name}\\.prototype\\.([\\w$]+)\\s*=\\s*function`, "g"))].map((match) => match[1]!);
  const family = familyName(base.split(".").pop()!);
  if (methods.length === 0 || !family || !joinsFamily(name, family)) return undefined;
  return patternMatch("strategy", 0.65, [`a ${family} variant: inherits from ${base}`, `overrides ${methods.slice(0, 3).join(", ")}`]);
}
