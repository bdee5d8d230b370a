import type { CodeLineIndex } from "../metrics/code-line-index";
import type { CodeUnit, Language } from "@/lib/domain";
import { pythonDetails } from "./python-details";
import { scriptDetails } from "./script-details";
import type { UnitDraft } from "./unit-draft";

export interface BuildUnitInput {
  draft: UnitDraft;
  file: string;
  language: Language;
  source: string;
  lines: CodeLineIndex;
}

/** A unit without the parts other stages add (design patterns and fingerprint). */
export type BareUnit = Omit<CodeUnit, "patterns" | "fingerprint">;

/** Turns a walked draft into plain unit data: header details read once, metrics as counted. */
export function buildUnit(input: BuildUnitInput): BareUnit {
  const { draft, language, source } = input;
  const details =
    language === "python"
      ? pythonDetails(draft.node, draft.decorators, draft.kind === "method")
      : scriptDetails(draft.node, draft.headStart, draft.name);
  const startLine = draft.headStart.startPosition.row + 1;
  const endLine = draft.node.endPosition.row + 1;
  const isClass = draft.kind === "class";
  // A class reads as the sum of its methods: what they call and import is what it depends on.
  const calls = isClass ? mergeMembers(draft, "calls") : [...draft.calls];
  const importsUsed = isClass ? mergeMembers(draft, "importsUsed") : [...draft.importsUsed];
  return {
    id: `${input.file}:${startLine}:${draft.qualname}`,
    file: input.file,
    language,
    kind: draft.kind,
    name: draft.name,
    qualname: draft.qualname,
    startLine,
    endLine,
    signature: details.signature,
    parameters: details.parameters,
    ...(details.returnAnnotation !== undefined ? { returnAnnotation: details.returnAnnotation } : {}),
    ...(details.docstring ? { docstring: details.docstring } : {}),
    decorators: details.decorators,
    bases: details.bases,
    calls,
    importsUsed,
    isAsync: details.isAsync,
    isGenerator: details.isGenerator ?? draft.isGenerator,
    ...(draft.parent ? { parentQualname: draft.parent.qualname } : {}),
    code: source.slice(draft.headStart.startIndex, draft.node.endIndex),
    metrics: {
      cyclomatic: draft.cyclomatic,
      cognitive: isClass ? draft.cognitive + sumOf(draft.methods, "cognitive") : draft.cognitive,
      maxNesting: isClass ? Math.max(draft.maxNesting, ...draft.methods.map((method) => method.maxNesting)) : draft.maxNesting,
      parameterCount: details.parameters.length - details.receiverParameters,
      linesOfCode: input.lines.linesOfCode(startLine, endLine),
    },
  };
}

function mergeMembers(draft: UnitDraft, key: "calls" | "importsUsed"): string[] {
  const merged = new Set(draft[key]);
  for (const method of draft.methods) for (const value of method[key]) merged.add(value);
  return [...merged];
}

function sumOf(drafts: UnitDraft[], key: "cognitive"): number {
  return drafts.reduce((sum, draft) => sum + draft[key], 0);
}
