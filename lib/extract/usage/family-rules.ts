import type { CodeUnit } from "@/lib/domain";
import { methodsOf } from "@/lib/extract/clustering/repo-model";
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
