import type { CodeUnit, FileExtraction, Language } from "@/lib/domain";

/** A hand-built code unit with the facts extraction would give; `code` drives shape similarity. */
export function makeUnit(input: Partial<CodeUnit> & { file: string; name: string; code: string; cyclomatic?: number }): CodeUnit {
  const { cyclomatic = 1, ...fields } = input;
  const startLine = fields.startLine ?? 1;
  const lines = fields.code.split("\n");
  const qualname = fields.qualname ?? (fields.parentQualname ? `${fields.parentQualname}.${fields.name}` : fields.name);
  const language: Language = fields.language ?? (fields.file.endsWith(".py") ? "python" : "typescript");
  return {
    id: `${fields.file}:${startLine}:${qualname}`,
    language,
    kind: "function",
    qualname,
    startLine,
    endLine: startLine + lines.length - 1,
    signature: lines[0],
    parameters: [],
    decorators: [],
    bases: [],
    calls: [],
    importsUsed: [],
    isAsync: false,
    isGenerator: false,
    fingerprint: "",
    patterns: [],
    metrics: { cyclomatic, cognitive: 0, maxNesting: 0, parameterCount: fields.parameters?.length ?? 0, linesOfCode: lines.filter((line) => line.trim()).length },
    ...fields,
  } as CodeUnit;
}

/** A file holding the given units. */
export function makeFile(file: string, units: CodeUnit[], imports: Record<string, string> = {}): FileExtraction {
  return { file, language: units[0]?.language ?? "python", imports, units, lines: 0, bytes: 0 };
}

/** Renames every occurrence of each key in `code` (whole words), as a copy-paste-and-edit would. */
export function renamed(code: string, names: Record<string, string>): string {
  return Object.entries(names).reduce((text, [from, to]) => text.replace(new RegExp(`\\b${from}\\b`, "g"), to), code);
}
