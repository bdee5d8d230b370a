import type { CodeUnit, DesignPatternKind } from "@/lib/domain";
import { methodsOf } from "@/lib/extract/clustering/repo-model";
import type { UsageRule, UsageRuleInput } from "./usage-kinds";

/** Kinds a class takes from the family it belongs to: the roles interchangeable implementations play. */
const familyKinds: readonly DesignPatternKind[] = ["adapter", "strategy", "repository_crud", "observer_event"];

const hasKind = (unit: CodeUnit, kind: DesignPatternKind) => unit.patterns.some((match) => match.kind === kind);

/**
 * A class implementing a base (an interface, an abstract class, a library's class) that at
 * least two other classes of the family implement, where those classes' own detectors call
 * the kind: at least half of the family, one of them in another file.
 */
function familyRule(kind: DesignPatternKind): UsageRule {
  return {
    kind,
    confidence: 0.6,
    evidence: ({ unit, usage }) => {
      // The family's base (it has subclasses, or is named so) is not one of its implementations.
      if (unit.kind !== "class" || usage.siblings.length < 2 || usage.subclasses.length > 0 || /^(Abstract|Base)|Base$/.test(unit.name)) return undefined;
      const alike = usage.siblings.filter((sibling) => hasKind(sibling, kind));
      if (alike.length < 2 || alike.length * 2 < usage.siblings.length || !alike.some((sibling) => sibling.file !== unit.file)) return undefined;
      const example = alike.find((sibling) => sibling.file !== unit.file)!;
      return [`implements the same base as ${alike.length} of ${usage.siblings.length} classes detected as ${kind}, e.g. ${example.qualname} (${example.file}:${example.startLine})`];
    },
  };
}

// A method whose body only raises NotImplementedError / throws, or is `pass` / `...`: an operation left to subclasses.
const abstractBody = /^[^\n]*\n(?:\s*(?:[rRuU]?"""[\s\S]*?"""|[rRuU]?'''[\s\S]*?'''|#[^\n]*)\s*)*\s*(?:raise\s+NotImplementedError\b|pass\s*$|\.\.\.\s*$|throw\s+new\s+\w*Error\b)/;

function abstractOperations(input: UsageRuleInput): CodeUnit[] {
  return methodsOf(input.model, input.unit).filter((method) => method.decorators.some((name) => /abstract/.test(name)) || abstractBody.test(method.code));
}

/** A base class that leaves operations to subclasses and is extended by at least two classes, one in another file. */
const familyBase: UsageRule = {
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

/** The rules over class families across files. */
export const familyRules: readonly UsageRule[] = [...familyKinds.map(familyRule), familyBase];
