import type { MatchedPattern } from "@/lib/domain";
import { estimateTokens } from "./estimate-tokens";

/** What a card shows of a matched pattern, with the code fetched beside it. */
export interface PatternCardInput {
  position: number;
  pattern: MatchedPattern;
  code: string;
  language: string | null;
}

/** A rendered card and how much of the code it kept. */
export interface PatternCard {
  text: string;
  tokens: number;
  codeLines: number;
  codeTrimmed: boolean;
}

const maxCodeLines = 40;
const maxLineLength = 160;
const shownOccurrences = 3;

function oneLine(description: string): string {
  const first = description.split(/\n\s*\n|(?<=\.)\s/)[0]?.replace(/\s+/g, " ").trim() ?? "";
  return first.length > 200 ? `${first.slice(0, 199)}…` : first;
}

function usedIn(pattern: MatchedPattern): string {
  const shown = pattern.occurrences.slice(0, shownOccurrences).map((occurrence) =>
    `${occurrence.file_path}:${occurrence.start_line}${occurrence.qualname ? ` (${occurrence.qualname})` : ""}`,
  );
  if (shown.length === 0) return "not seen in code yet";
  const more = pattern.metadata.occurrence_count - shown.length;
  return more > 0 ? `${shown.join(", ")} and ${more} more` : shown.join(", ");
}

function successLine(pattern: MatchedPattern): string {
  const { success_rate, success_count, failure_count } = pattern.metadata;
  if (success_rate === null) return "no reported outcomes yet";
  return `${Math.round(success_rate * 100)}% of ${success_count + failure_count} reported uses succeeded`;
}

function render(input: PatternCardInput, lines: string[], trimmed: boolean): string {
  const { pattern } = input;
  const what = [pattern.kind?.replaceAll("_", " ") ?? pattern.pattern_type.replaceAll("_", " "), input.language].filter(Boolean).join(", ");
  const header = [
    `### ${input.position}. ${pattern.name} (${what})`,
    oneLine(pattern.description),
    `Used in: ${usedIn(pattern)}`,
    `Success: ${successLine(pattern)}`,
  ].filter(Boolean);
  if (lines.length === 0) return header.join("\n");
  const code = [...lines, ...(trimmed ? [input.language === "python" ? "# …" : "// …"] : [])].join("\n");
  return [...header, `\`\`\`${input.language ?? ""}`, code, "```"].join("\n");
}

/**
 * The largest card of a pattern that fits `budget` estimated tokens: name, kind, one-line
 * description, where it is used, its success rate, and as many lines of its code as fit (at
 * most 40); undefined when not even the card without code fits.
 */
export function fitPatternCard(input: PatternCardInput, budget: number): PatternCard | undefined {
  const allLines = input.code.replace(/\s+$/, "").split("\n").map((line) => (line.length > maxLineLength ? `${line.slice(0, maxLineLength)}…` : line));
  const cap = Math.min(allLines.length, maxCodeLines);
  const build = (count: number): PatternCard => {
    const trimmed = count < allLines.length;
    const text = render(input, allLines.slice(0, count), trimmed);
    return { text, tokens: estimateTokens(text), codeLines: count, codeTrimmed: trimmed };
  };
  const full = build(cap);
  if (full.tokens <= budget) return full;
  if (build(0).tokens > budget) return undefined;
  // Binary search for the most code lines that still fit.
  let low = 0;
  let high = cap;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (build(middle).tokens <= budget) low = middle;
    else high = middle - 1;
  }
  return build(low);
}
