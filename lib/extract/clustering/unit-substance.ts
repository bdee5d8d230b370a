import type { CodeUnit } from "@/lib/domain";
import { bodyFacts, type BodyFacts, type BodyStatement } from "./body-facts";
import { methodsOf, type RepoModel } from "./repo-model";
import { isTestUnit } from "./unit-traits";

/**
 * Why a unit is a trivial shape: something every codebase has in quantity that a senior
 * engineer would never point at as a pattern, however often it recurs.
 */
export type TrivialShape =
  | "test"
  | "empty body"
  | "abstract placeholder"
  | "one-statement body"
  | "argument-storing constructor"
  | "boilerplate special method"
  | "class without behaviour";

const factsByUnit = new WeakMap<CodeUnit, BodyFacts>();

/** The body facts of a unit, read once per unit object (selection, scoring and naming all ask). */
export function unitBodyFacts(unit: CodeUnit): BodyFacts {
  let facts = factsByUnit.get(unit);
  if (!facts) {
    facts = bodyFacts(unit.code, unit.language);
    factsByUnit.set(unit, facts);
  }
  return facts;
}

const statementCounts = new WeakMap<CodeUnit, number>();

/**
 * How many statements a unit's body has. Scoring asks this of every occurrence of every
 * pattern, selection only reads representatives' statements: the count is kept, not the
 * statements, so the main thread does not hold every member's tokens until the run ends.
 */
export function unitStatementCount(unit: CodeUnit): number {
  const facts = factsByUnit.get(unit);
  if (facts) return facts.statements.length;
  let count = statementCounts.get(unit);
  if (count === undefined) {
    count = bodyFacts(unit.code, unit.language).statements.length;
    statementCounts.set(unit, count);
  }
  return count;
}

const boilerplateNames = new Set([
  "__str__", "__repr__", "__eq__", "__ne__", "__hash__", "__len__", "__bool__", "__lt__", "__le__", "__gt__", "__ge__",
  "toString", "toJSON", "valueOf", "equals", "hashCode",
]);

/** Calls that say nothing about what a unit does: conversions, type checks, `super`. */
const plumbingCalls = new Set([
  "print", "len", "str", "int", "float", "bool", "list", "dict", "set", "tuple", "type", "isinstance", "issubclass", "super",
  "range", "enumerate", "zip", "map", "filter", "sorted", "repr", "getattr", "setattr", "hasattr", "id", "iter", "next",
  "String", "Number", "Boolean", "Array", "Object", "Symbol", "require", "push", "append",
]);

/** Calls other than plumbing (`len`, `isinstance`, `super().__init__`, `String`): things the unit gets done through others. */
export function meaningfulCalls(unit: CodeUnit): string[] {
  return unit.calls.filter((call) => !/^super\b/.test(call) && !plumbingCalls.has(call.split(".").pop() ?? call));
}

const placeholderStatement = /^(raise NotImplementedError\b|return NotImplemented$|throw new \w*Error\s*\(\s*["'`][^"'`]*(not implemented|abstract|must be implemented|override)[^"'`]*["'`])/i;

/** `@abstractmethod`, `abstract m()`, or a single `raise NotImplementedError` / `throw new Error("not implemented")`. */
function isAbstractPlaceholder(unit: CodeUnit, statements: BodyStatement[]): boolean {
  if (unit.decorators.some((decorator) => /abstractmethod/.test(decorator))) return true;
  if (/^\s*((public|protected)\s+)?abstract\b/.test(unit.signature)) return true;
  return statements.length === 1 && placeholderStatement.test(statements[0].tokens.join(" ").replace(/ \( /g, "(").replace(/ \(/g, "("));
}

/** A constructor whose every statement stores a name or literal on the receiver or calls `super`. */
function isStoringConstructor(unit: CodeUnit, statements: BodyStatement[]): boolean {
  if (unit.name !== "__init__" && unit.name !== "constructor") return false;
  return statements.every(({ tokens }) => {
    const text = tokens.join(" ");
    return /^(self|this) \. [\w$#]+ (: [^=]+ )?= ([\w$."'`-]+( \. [\w$]+)*|\{ \}|\[ \]|\( \))$/.test(text) || /^super\b/.test(text);
  });
}

/** The trivial shape of a function or method, if it is one. */
function callableShape(unit: CodeUnit): TrivialShape | null {
  const { statements, loops, branches } = unitBodyFacts(unit);
  if (isAbstractPlaceholder(unit, statements)) return "abstract placeholder";
  if (statements.length === 0) return "empty body";
  // One statement without a loop or a statement-level branch: `return self._x`, `return f(x)`, `this.x = y`.
  if (statements.length === 1 && loops === 0 && branches === 0) return "one-statement body";
  if (isStoringConstructor(unit, statements)) return "argument-storing constructor";
  if (boilerplateNames.has(unit.name) && unit.metrics.cyclomatic <= 2) return "boilerplate special method";
  return null;
}

/**
 * Trivial shapes are never patterns, even when they recur: tests; empty bodies (`pass`,
 * `...`, a docstring alone, `{}`); abstract placeholders (`@abstractmethod`, `abstract`,
 * `raise NotImplementedError`); one-statement bodies (pure delegation `return f(x)`,
 * accessors `return self._x`, setters, constants); constructors that only store their
 * arguments; `__repr__`/`toString`-style boilerplate; and classes without behaviour —
 * no method that is not itself trivial (bare exception subclasses, marker, enum and
 * record classes), unless it is an interface two classes implement (`isInterface`) or a
 * documented specialization (`isDocumentedSpecialization`). A framework role (a Pydantic or Django model, a TypeORM
 * entity) gives a class with a body a purpose even without methods.
 */
export function trivialShape(model: RepoModel, unit: CodeUnit, hasFrameworkRole = false): TrivialShape | null {
  if (isTestUnit(unit)) return "test";
  if (unit.kind !== "class") return callableShape(unit);
  if (hasFrameworkRole && unitBodyFacts(unit).statements.length >= 2) return null;
  const methods = methodsOf(model, unit);
  if (methods.some((method) => callableShape(method) === null)) return null;
  if (isDocumentedSpecialization(unit, methods)) return null;
  return isInterface(model, unit) ? null : "class without behaviour";
}

/**
 * A documented class whose short methods get work done through others: at least two of them
 * make a meaningful call, each overriding a base hook (`PriorityQueue._put` → `heappush`) or
 * handing work to a collaborator (`Mutex.acquire` → `semaphore.acquire`). Its behaviour is
 * in which calls it wires together, which a record class with accessors or a bare exception
 * subclass (no calls of substance) does not have.
 */
function isDocumentedSpecialization(unit: CodeUnit, methods: CodeUnit[]): boolean {
  if (!unit.docstring) return false;
  const working = methods.filter((method) => method.name !== "__init__" && method.name !== "constructor" && !boilerplateNames.has(method.name) && meaningfulCalls(method).length > 0);
  return working.length >= 2;
}

const subclassCounts = new WeakMap<RepoModel, Map<string, number>>();

/** How many classes of the run name each base (by its last dotted part), counted once per run. */
export function subclassesOf(model: RepoModel, name: string): number {
  let counts = subclassCounts.get(model);
  if (!counts) {
    counts = new Map();
    for (const unit of model.units) {
      if (unit.kind !== "class") continue;
      for (const base of new Set(unit.bases.map((written) => written.replace(/[<(\[].*$/, "").split(".").pop() ?? written))) counts.set(base, (counts.get(base) ?? 0) + 1);
    }
    subclassCounts.set(model, counts);
  }
  return counts.get(name) ?? 0;
}

/**
 * An interface: a class of abstract or stub methods (at least two) that at least two
 * classes of the run extend. It holds no behaviour itself, but it is the shape its
 * implementations share (`BaseRepository` behind `UserRepository` and `OrderRepository`),
 * which a bare exception subclass or a marker class is not.
 */
export function isInterface(model: RepoModel, unit: CodeUnit): boolean {
  return unit.kind === "class" && methodsOf(model, unit).length >= 2 && subclassesOf(model, unit.name) >= 2;
}

/** True for trivial shapes (see `trivialShape`). */
export function isTrivialUnit(model: RepoModel, unit: CodeUnit): boolean {
  return trivialShape(model, unit) !== null;
}

/**
 * Substance a recurring unit needs to be a pattern: at least three statements, or a loop,
 * or a statement-level branch, or two statements of which one gets something done through
 * a meaningful call. Classes that are not trivial carry behaviour, which is substance.
 */
export function hasSubstance(unit: CodeUnit): boolean {
  if (unit.kind === "class") return true;
  const { statements, loops, branches } = unitBodyFacts(unit);
  return statements.length >= 3 || loops > 0 || branches > 0 || (statements.length >= 2 && meaningfulCalls(unit).length > 0);
}
