import type { CodeUnit } from "@/lib/domain";
import type { RepoModel } from "./repo-model";

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

/** A function defined inside another function: not callable from elsewhere, so only a pattern by kind or recurrence. */
export function isNestedInFunction(model: RepoModel, unit: CodeUnit): boolean {
  const parent = model.parentOf.get(unit.id);
  return !!parent && parent.kind !== "class";
}
