import type { CodeUnit, DesignPatternKind } from "@/lib/domain";
import type { FrameworkRole } from "./detect-framework";

/** The facts a pattern's description states. */
export interface DescriptionInput {
  representative: CodeUnit;
  kind: DesignPatternKind | null;
  kindConfidence: number | null;
  kindEvidence: string[];
  role: FrameworkRole;
  occurrences: CodeUnit[];
  /** Names of methods, for classes. */
  methods: string[];
}

function listed(items: string[], limit: number): string {
  const shown = items.slice(0, limit);
  const more = items.length - shown.length;
  const text = shown.length <= 1 ? shown.join("") : `${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}`;
  return more > 0 ? `${shown.join(", ")} and ${more} more` : text;
}

function subject(input: DescriptionInput): string {
  const unit = input.representative;
  const what = input.role.role ? `${[input.role.framework, input.role.role].filter(Boolean).join(" ")} ` : "";
  const asyncWord = unit.isAsync ? "async " : "";
  const generator = unit.isGenerator ? "generator " : "";
  return `${asyncWord}${generator}${what}${unit.kind} \`${unit.qualname}\``.replace(/^./, (first) => first.toUpperCase());
}

function firstSentence(input: DescriptionInput): string {
  const unit = input.representative;
  const parameters = unit.parameters.filter((parameter) => !/^(self|cls)$/.test(parameter.name));
  const taking = parameters.length ? ` taking (${parameters.map((parameter) => parameter.annotation ? `${parameter.name}: ${parameter.annotation}` : parameter.name).join(", ")})` : "";
  const base = unit.bases.length ? ` extending ${listed(unit.bases, 3)}` : "";
  const holding = input.methods.length ? ` with methods ${listed(input.methods, 6)}` : "";
  const calling = unit.calls.length ? ` that calls ${listed(unit.calls, 5)}` : "";
  return `${subject(input)}${taking}${base}${holding}${calling}; cyclomatic complexity ${unit.metrics.cyclomatic}, ${unit.metrics.linesOfCode} lines.`;
}

function secondSentence(input: DescriptionInput): string {
  const files = [...new Set(input.occurrences.map((unit) => unit.file))];
  const where =
    input.occurrences.length === 1
      ? `Defined once, in ${files[0]}.`
      : `Occurs ${input.occurrences.length} times in ${files.length} file${files.length === 1 ? "" : "s"} (${listed(files, 4)}).`;
  if (!input.kind) return where;
  const evidence = input.kindEvidence[0] ? `: ${input.kindEvidence[0]}` : "";
  return `${where} Implements ${input.kind} (confidence ${input.kindConfidence?.toFixed(2)})${evidence}.`;
}

/** One or two sentences of facts: what the unit is and calls, its size, where it occurs, and the kind's evidence. */
export function describePattern(input: DescriptionInput): string {
  return `${firstSentence(input)} ${secondSentence(input)}`;
}
