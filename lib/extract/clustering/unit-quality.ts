import type { CodeUnit, QualityParts, QualityScore } from "@/lib/domain";
import {
  classComplexityPart,
  combineQualityParts,
  complexityPart,
  coverageOfRange,
  documentationPart,
  lcom4,
  maintainabilityPart,
  reusabilityPart,
  type ComplexityFacts,
  type CoverageLookup,
  type DocumentationFacts,
  type FanIn,
} from "@/lib/quality";
import { splitIdentifier } from "@/lib/words";
import type { UnitCallers } from "./collect-references";
import { methodsOf, type RepoModel } from "./repo-model";
import { trivialShape, unitStatementCount } from "./unit-substance";

/** What scoring needs beyond the units: coverage (if any) and who calls each unit. */
export interface QualityContext {
  model: RepoModel;
  coverage?: CoverageLookup;
  callers: Map<string, UnitCallers>;
}

const receiverNames = new Set(["self", "cls", "this"]);
const isConstructor = (unit: CodeUnit) => unit.name === "__init__" || unit.name === "constructor";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// Parameter names repeat across a repository (`name`, `value`, `options`): compile each name's patterns once.
// Bounded so a long-lived process does not keep every name it ever saw.
const patternCacheLimit = 50_000;
const mentionPatterns = new Map<string, { bare: string; mention: RegExp; jsDocType: RegExp }>();

function parameterPatterns(name: string): { bare: string; mention: RegExp; jsDocType: RegExp } {
  let patterns = mentionPatterns.get(name);
  if (!patterns) {
    const bare = name.replace(/^[*.]+/, "");
    const escaped = escapeRegExp(bare);
    patterns = { bare, mention: new RegExp(`(^|[^\\w$])${escaped}([^\\w$]|$)`), jsDocType: new RegExp(`@param\\s+\\{[^}]+\\}\\s+\\[?${escaped}\\b`) };
    if (mentionPatterns.size >= patternCacheLimit) mentionPatterns.clear();
    mentionPatterns.set(name, patterns);
  }
  return patterns;
}

/**
 * Whether a docstring explains anything: four or more words of prose once tags (`@param x`,
 * `:type x:`), comment markers and the words of the unit's own name are set aside.
 */
export function explainsSomething(docstring: string, name: string): boolean {
  const own = new Set(splitIdentifier(name));
  const prose = docstring
    .split("\n")
    .map((line) => line.replace(/^\s*(\/\*\*?|\*\/|\*)?\s*/, ""))
    .filter((line) => !/^[@:]/.test(line))
    .join(" ");
  const words = prose.match(/[A-Za-z][A-Za-z'-]+/g) ?? [];
  return words.filter((word) => !own.has(word.toLowerCase())).length >= 4;
}

// By unit object (the facts read the unit alone): a long-running process scores the same units at every ingest.
const documentationByUnit = new WeakMap<CodeUnit, DocumentationFacts>();

/** Docstring, parameter mentions, and types (annotations, or JSDoc `@param {T}` / `@returns {T}` in JS). */
export function documentationFacts(unit: CodeUnit): DocumentationFacts {
  let facts = documentationByUnit.get(unit);
  if (!facts) documentationByUnit.set(unit, (facts = unitDocumentationFacts(unit)));
  return facts;
}

function unitDocumentationFacts(unit: CodeUnit): DocumentationFacts {
  const docstring = unit.docstring ?? "";
  const parameters = unit.parameters.filter((parameter) => !receiverNames.has(parameter.name));
  // Both patterns contain the bare name literally: a docstring without it cannot match.
  const mentions = (name: string) => {
    const patterns = parameterPatterns(name);
    return docstring.includes(patterns.bare) && patterns.mention.test(docstring);
  };
  const jsDocTyped = (name: string) => docstring.includes("@param") && parameterPatterns(name).jsDocType.test(docstring);
  return {
    hasDocstring: docstring.trim().length > 0,
    explainingDocstring: explainsSomething(docstring, unit.name),
    parametersDescribed: parameters.length === 0 ? 1 : parameters.filter((parameter) => mentions(parameter.name)).length / parameters.length,
    annotatedParameters: parameters.filter((parameter) => parameter.annotation || jsDocTyped(parameter.name)).length,
    annotatableParameters: parameters.length,
    returnAnnotated: !!unit.returnAnnotation || /@returns?\s+\{/.test(docstring),
    needsReturnAnnotation: unit.kind !== "class" && !isConstructor(unit),
  };
}

/** A class's documentation: its own docstring, and the type annotations over all its methods. */
function classDocumentationFacts(model: RepoModel, unit: CodeUnit): DocumentationFacts {
  const methods = methodsOf(model, unit).map(documentationFacts);
  return {
    hasDocstring: !!unit.docstring?.trim(),
    explainingDocstring: explainsSomething(unit.docstring ?? "", unit.name),
    parametersDescribed: 1,
    annotatedParameters: methods.reduce((sum, facts) => sum + facts.annotatedParameters + (facts.needsReturnAnnotation && facts.returnAnnotated ? 1 : 0), 0),
    annotatableParameters: methods.reduce((sum, facts) => sum + facts.annotatableParameters + (facts.needsReturnAnnotation ? 1 : 0), 0),
    returnAnnotated: false,
    needsReturnAnnotation: false,
  };
}

const receiverPatterns: Record<string, RegExp> = Object.fromEntries(["self", "cls", "this"].map((name) => [name, new RegExp(`\\b${name}\\.(#?[\\w$]+)`, "g")]));

/** Instance attributes a method touches through its receiver (`self.x`, `this.x`). */
function receiverMembers(method: CodeUnit): Set<string> {
  const first = method.parameters[0]?.name;
  const receiver = method.language === "python" ? (first === "self" || first === "cls" ? first : undefined) : "this";
  if (!receiver) return new Set();
  return new Set([...method.code.matchAll(receiverPatterns[receiver])].map((match) => match[1]));
}

/** Abstract or stub methods (`@abstractmethod`, `abstract m()`, a body of `pass`/`...`/`raise NotImplementedError`) hold no state to share. */
function isAbstract(method: CodeUnit): boolean {
  if (method.decorators.some((decorator) => /abstractmethod/.test(decorator))) return true;
  if (/^\s*((public|protected)\s+)?abstract\b/.test(method.signature)) return true;
  const withoutDocstring = method.docstring ? method.code.replace(method.docstring, "") : method.code;
  const body = withoutDocstring
    .split("\n")
    .slice(1)
    .map((line) => line.trim())
    .filter((line) => line && !/^("""|'''|"|'|#|\/\/|\/\*|\*)/.test(line));
  return body.length === 0 || (body.length === 1 && /^(pass|\.\.\.|raise NotImplementedError\b.*)$/.test(body[0]));
}

/** LCOM4 of a class over its methods other than constructors and abstract stubs. */
export function classLcom4(model: RepoModel, unit: CodeUnit): number {
  const methods = methodsOf(model, unit).filter((method) => !isConstructor(method) && !isAbstract(method));
  const names = new Set(methods.map((method) => method.name));
  return lcom4(
    methods.map((method) => {
      const members = [...receiverMembers(method)];
      return { name: method.name, attributes: members.filter((member) => !names.has(member)), calls: members.filter((member) => names.has(member)) };
    }),
  );
}

/** Distinct outward calls (not through self/this) plus distinct imported modules; classes include their methods. */
export function fanOut(model: RepoModel, unit: CodeUnit): number {
  const members = unit.kind === "class" ? [unit, ...methodsOf(model, unit)] : [unit];
  const calls = new Set(members.flatMap((member) => member.calls).filter((call) => !/^(self|cls|this)\./.test(call)));
  const modules = new Set(members.flatMap((member) => member.importsUsed).map((value) => value.split(/[./]/)[0] || value));
  return calls.size + modules.size;
}

function unitCoverage(context: QualityContext, unit: CodeUnit, notes: string[]): number | null {
  if (!context.coverage) return null;
  const file = context.coverage(unit.file);
  const value = file ? coverageOfRange(file, unit.startLine, unit.endLine) : null;
  if (!file) notes.push(`${unit.file} is not in the coverage report`);
  else if (value === null) notes.push(`no executable lines of ${unit.qualname} in the coverage report`);
  return value;
}

/** The complexity part's inputs: the unit's metrics and its body's statement count, read from its code. */
export function complexityFacts(unit: CodeUnit): ComplexityFacts {
  return { cyclomatic: unit.metrics.cyclomatic, cognitive: unit.metrics.cognitive, statements: unitStatementCount(unit) };
}

/**
 * A class's complexity part. A data-only class (fields, and at most trivial methods: a record,
 * a model, an enum) holds no logic, so it scores 0 as an empty body does: its field
 * declarations are not the substance the part rewards.
 */
function classComplexity(model: RepoModel, unit: CodeUnit, methods: CodeUnit[]): number {
  if (trivialShape(model, unit) === "class without behaviour") return 0;
  return classComplexityPart(methods.map(complexityFacts), complexityFacts(unit));
}

/** The five parts of one unit's quality from its real inputs. */
export function unitQualityParts(context: QualityContext, unit: CodeUnit, notes: string[]): QualityParts {
  const { model } = context;
  const methods = unit.kind === "class" ? methodsOf(model, unit) : [];
  const complexity = unit.kind === "class" ? classComplexity(model, unit, methods) : complexityPart(complexityFacts(unit));
  return {
    complexity,
    documentation: documentationPart(unit.kind === "class" ? classDocumentationFacts(model, unit) : documentationFacts(unit)),
    testCoverage: unitCoverage(context, unit, notes),
    reusability: reusabilityPart(fanInOf(context, [unit])),
    maintainability: maintainabilityPart(fanOut(model, unit), unit.kind === "class" ? classLcom4(model, unit) : undefined),
  };
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

/**
 * Who calls any of `units` (a class through its methods too) from outside them: distinct
 * caller units that are not one of the units or their members, and distinct files other
 * than the units' own.
 */
export function fanInOf(context: QualityContext, units: CodeUnit[]): FanIn {
  const inside = new Set<string>();
  const targets: CodeUnit[] = [];
  for (const unit of units) {
    const members = unit.kind === "class" ? [unit, ...methodsOf(context.model, unit)] : [unit];
    for (const member of members) {
      inside.add(member.id);
      targets.push(member);
    }
  }
  const hostFiles = new Set(units.map((unit) => unit.file));
  const callers = new Set<string>();
  const files = new Set<string>();
  for (const target of targets) {
    const found = context.callers.get(target.id);
    if (!found) continue;
    for (const caller of found.units) if (!inside.has(caller)) callers.add(caller);
    for (const file of found.files) if (!hostFiles.has(file)) files.add(file);
  }
  return { callers: callers.size, callerFiles: files.size };
}

/**
 * A pattern's quality: the mean of each part over its occurrences, except reusability, which
 * is the fan-in of all occurrences together (see `fanInOf`).
 */
export function patternQuality(context: QualityContext, units: CodeUnit[], fanIn: FanIn = fanInOf(context, units)): QualityScore {
  const notes: string[] = [];
  const parts = units.map((unit) => unitQualityParts(context, unit, notes));
  const coverages = parts.map((part) => part.testCoverage).filter((value): value is number => value !== null);
  if (context.coverage && coverages.length > 0 && coverages.length < parts.length) {
    notes.push(`test coverage known for ${coverages.length} of ${parts.length} occurrences`);
  } else if (context.coverage && coverages.length === 0) {
    notes.push("coverage report does not cover this pattern: test coverage unknown, weights re-normalised");
  }
  return combineQualityParts(
    {
      complexity: mean(parts.map((part) => part.complexity)),
      documentation: mean(parts.map((part) => part.documentation)),
      testCoverage: coverages.length ? mean(coverages) : null,
      reusability: reusabilityPart(fanIn),
      maintainability: mean(parts.map((part) => part.maintainability)),
    },
    [...new Set(notes)].sort(),
  );
}
