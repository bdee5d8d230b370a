import type { CodeUnit } from "@/lib/extract/types";
import { methodsOf, type RepoModel } from "./repo-model";

// Only the file's own name or its immediate folder count: a `tests/` folder higher up (a
// fixture tree, a monorepo's test harness) says nothing about the code files below it.
const testFilePattern = /(^|\/)__tests__\/|(^|\/)(tests?|spec)\/[^/]+$|(^|\/)(test_[^/]*|[^/]*_test|conftest)\.py$|\.(test|spec)\.[cm]?[jt]sx?$/;

/** Files holding tests by the conventions of pytest, unittest, Jest and Vitest. */
export function isTestFile(path: string): boolean {
  return testFilePattern.test(path);
}

/** Test functions and classes: `test_*`/`Test*` in Python, anything declared in a JS/TS test file. */
export function isTestUnit(unit: CodeUnit): boolean {
  if (unit.language === "python") {
    return /^test/i.test(unit.name) || (!!unit.parentQualname && /(^|\.)Test/.test(unit.parentQualname));
  }
  return isTestFile(unit.file);
}

const boilerplateNames = new Set([
  "__str__", "__repr__", "__eq__", "__ne__", "__hash__", "__len__", "__bool__", "__lt__", "__le__", "__gt__", "__ge__",
  "toString", "toJSON", "valueOf", "equals", "hashCode",
]);

/** Body lines after the signature, without blanks, comments and the docstring. */
function bodyLines(unit: CodeUnit): string[] {
  const withoutDocstring = unit.docstring ? unit.code.replace(unit.docstring, "") : unit.code;
  return withoutDocstring
    .split("\n")
    .slice(1)
    .map((line) => line.trim())
    .filter((line) => line && !/^(#|\/\/|\/\*|\*|"""|'''|[})\]];?$)/.test(line));
}

/** A constructor that only stores its arguments (`self.x = x`, `this.x = x`, `super().__init__(...)`). */
function isAssignOnlyConstructor(unit: CodeUnit): boolean {
  if (unit.name !== "__init__" && unit.name !== "constructor") return false;
  return bodyLines(unit).every((line) => /^(self|this)\.\w+\s*(:\s*[^=]+)?=\s*[\w.]+;?$|^super\b.*\);?$|^pass$/.test(line));
}

/** An accessor: `@property`, `get x()`, `getX()`/`is_x()` returning one thing without branching. */
function isAccessor(unit: CodeUnit): boolean {
  const declaredAccessor = unit.decorators.some((decorator) => /^(property|\w+\.(setter|getter))$/.test(decorator.replace(/^@/, ""))) || /^(get|set|static get)\s/.test(unit.signature);
  const accessorName = /^(get|is|has)([A-Z_]|$)/.test(unit.name);
  return (declaredAccessor || accessorName) && unit.metrics.cyclomatic === 1 && bodyLines(unit).length <= 2;
}

/**
 * Units too small or too conventional to be patterns on their own (they still are when
 * they recur across files): one-statement bodies, accessors, argument-storing
 * constructors, `toString`/dunder boilerplate, empty or marker classes, and tests.
 */
export function isTrivialUnit(model: RepoModel, unit: CodeUnit): boolean {
  if (isTestUnit(unit)) return true;
  if (unit.kind === "class") return methodsOf(model, unit).length === 0 && unit.metrics.linesOfCode <= 3;
  if (boilerplateNames.has(unit.name) && unit.metrics.cyclomatic <= 2) return true;
  return unit.metrics.linesOfCode <= 2 || bodyLines(unit).length <= 1 || isAccessor(unit) || isAssignOnlyConstructor(unit);
}

/** A function defined inside another function: not callable from elsewhere, so only a pattern by kind or recurrence. */
export function isNestedInFunction(model: RepoModel, unit: CodeUnit): boolean {
  const parent = model.parentOf.get(unit.id);
  return !!parent && parent.kind !== "class";
}
