import type { CodeUnit } from "@/lib/domain";
import { methodsOf } from "@/lib/extract/clustering/repo-model";
import type { RepoModel } from "@/lib/extract/clustering/repo-model";
import { calledLibraries, ownModuleRoots } from "./library-calls";
import type { UsageRule, UsageRuleInput } from "./usage-kinds";

// A method whose body only raises NotImplementedError / throws, or is `pass` / `...`: an operation left to subclasses.
const abstractStatement = /^(?:raise\s+NotImplementedError\b|pass$|\.\.\.$|throw\s+new\s+\w*Error\b)/;
const leadingDocstring = /^[rRuU]?("""|\'\'\')[\s\S]*?\1/;

/** The first statement of a method's body (its docstring and comments skipped) is an abstract one. */
function isAbstractBody(code: string): boolean {
  const newline = code.indexOf("\n");
  if (newline < 0) return false;
  let body = code.slice(newline + 1).trimStart();
  body = body.replace(leadingDocstring, "").trimStart();
  while (body.startsWith("#") || body.startsWith("//")) body = body.slice(body.indexOf("\n") + 1 || body.length).trimStart();
  return abstractStatement.test(body.split("\n")[0].trim());
}

function abstractOperations(input: UsageRuleInput): CodeUnit[] {
  return methodsOf(input.model, input.unit).filter((method) => method.decorators.some((name) => /abstract/.test(name)) || isAbstractBody(method.code));
}

/** A base class that leaves operations to subclasses and is extended by at least two classes, one in another file. */
export const familyBase: UsageRule = {
  kind: "strategy",
  confidence: 0.6,
  evidence: (input) => {
    const { unit, usage } = input;
    if (unit.kind !== "class" || usage.subclasses.length < 2 || !usage.subclasses.some((subclass) => subclass.file !== unit.file)) return undefined;
    if (/(Error|Exception|Warning)$/.test(unit.name) || unit.patterns.length > 0) return undefined;
    const abstract = abstractOperations(input);
    if (abstract.length === 0) return undefined;
    const elsewhere = usage.subclasses.find((subclass) => subclass.file !== unit.file)!;
    return [`leaves ${abstract.map((method) => method.name).slice(0, 3).join(", ")} to ${usage.subclasses.length} subclasses, e.g. ${elsewhere.qualname} (${elsewhere.file}:${elsewhere.startLine})`];
  },
};

const rootsByModel = new WeakMap<RepoModel, Set<string>>();

function ownRoots(model: RepoModel): Set<string> {
  let roots = rootsByModel.get(model);
  if (!roots) {
    roots = ownModuleRoots(model.files);
    rootsByModel.set(model, roots);
  }
  return roots;
}

/** True when one of the class's bases is imported into its file (an interface defined elsewhere). */
function importedBase(unit: CodeUnit, imports: Record<string, string>): boolean {
  return unit.bases.some((base) => Object.hasOwn(imports, base.split(/[.[<(]/)[0]));
}

/**
 * One of a family of classes implementing the same base across files (a sibling in another
 * file, or the base imported from one) that calls into a library the repository does not
 * hold: an implementation of the interface over that library (a resolver over pycares, an
 * HTTP client over pycurl, a cache over memcached).
 */
export const familyOverLibrary: UsageRule = {
  kind: "adapter",
  confidence: 0.6,
  evidence: (input) => {
    const { unit, usage, model } = input;
    if (unit.kind !== "class" || usage.siblings.length === 0 || /(Error|Exception|Warning)$/.test(unit.name)) return undefined;
    const file = model.fileByPath.get(unit.file)!;
    if (!usage.siblings.some((sibling) => sibling.file !== unit.file) && !importedBase(unit, file.imports)) return undefined;
    if (abstractOperations(input).length > 0) return undefined;
    const libraries = calledLibraries(unit, file, ownRoots(model));
    if (libraries.length === 0) return undefined;
    const elsewhere = usage.siblings.find((sibling) => sibling.file !== unit.file) ?? usage.siblings[0];
    return [`one of ${usage.siblings.length + 1} classes implementing the same base (e.g. ${elsewhere.qualname}, ${elsewhere.file}:${elsewhere.startLine}), calling into ${libraries.slice(0, 3).join(", ")}`];
  },
};
