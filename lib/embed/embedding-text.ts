import type { CodeUnit, ExtractedPattern } from "@/lib/domain";
import { codeWords } from "./code-words";
import { splitIdentifier } from "@/lib/words";

/** What {@link embeddingTextForPattern} reads: an extracted pattern or a stored pattern row. */
export type PatternTextSource = Pick<ExtractedPattern, "name" | "description" | "tags" | "kind" | "code"> &
  Partial<Pick<ExtractedPattern, "patternType" | "dependencies" | "evidence" | "occurrences">> & {
    /** The representative unit's docstring or JSDoc, when the caller has it (ingest does). */
    docstring?: string | null;
    /** What a language model wrote of the pattern (`motif describe`), when one did: intent search then meets its words. */
    llmDescription?: string | null;
  };

const summaryWordLimit = 40;
const detailsWordLimit = 80;
const codeWordLimit = 30;

function words(identifiers: Iterable<string>): string {
  return [...identifiers].flatMap((identifier) => splitIdentifier(identifier)).join(" ");
}

// A docstring's first sentence (or paragraph) is its summary; the rest is detail that
// embedders should hear less loudly.
function splitDocstring(docstring: string | undefined): { summary: string; details: string } {
  const text = (docstring ?? "").trim();
  const end = /\.(\s|$)|\n\s*\n/.exec(text);
  const cut = end ? end.index + 1 : text.length;
  const summary = text.slice(0, cut).split(/\s+/).filter(Boolean);
  const details = [...summary.slice(summaryWordLimit), ...text.slice(cut).split(/\s+/).filter(Boolean)];
  return { summary: summary.slice(0, summaryWordLimit).join(" "), details: details.slice(0, detailsWordLimit).join(" ") };
}

function line(label: string, content: string): string {
  return content.trim() ? `${label}: ${content.trim()}` : "";
}

function bodyWords(code: string, alreadySaid: string[]): string {
  return codeWords(code, codeWordLimit, new Set(alreadySaid.flatMap((text) => splitIdentifier(text)))).join(" ");
}

/**
 * The text that represents a code unit to an embedding model: its name split into words
 * (`getBackoffTime` → get backoff time), docstring, parameters, decorators, bases, calls,
 * the design patterns it implements and the most frequent words of its body.
 */
export function embeddingTextForUnit(unit: CodeUnit): string {
  const header = `${unit.kind} ${unit.qualname} (${words([unit.qualname])})`;
  const docstring = splitDocstring(unit.docstring);
  const said = [
    header,
    docstring.summary,
    line("details", docstring.details),
    line("parameters", words(unit.parameters.map((parameter) => parameter.name))),
    line("decorators", words(unit.decorators)),
    line("extends", words(unit.bases)),
    line("calls", words(unit.calls)),
    line("implements", unit.patterns.map((match) => match.kind.replaceAll("_", " ")).join(", ")),
  ];
  return [...said, line("body", bodyWords(unit.code, said))].filter(Boolean).join("\n");
}

// The extractor's own description states structure ("Function `f` taking (a, b) that calls
// x, y; cyclomatic complexity 6, 52 lines. Defined once, in path/to/file.py."). Its size and
// file path say nothing about what the code does, and a path's words (asyncio, tasks) would
// pull every pattern of that file towards any intent that names them.
function describedBehaviour(description: string): string {
  return description
    .replace(/;? ?cyclomatic complexity \d+, \d+ lines\./g, ".")
    .replace(/ ?(Defined once, in \S+\.|Occurs \d+ times in \d+ files? \([^)]*\)\.)/g, "")
    .trim();
}

// A Python pattern's code holds its docstring: the first string literal after the header.
function docstringInCode(code: string): string | undefined {
  return /^[^\n]*(?:\n[^\n]*)*?:\s*\n\s*[rRuU]?("""|\'\'\'|"|')([\s\S]*?)\1/.exec(code.slice(0, 4000))?.[2];
}

/**
 * The text that represents a pattern: its name and what its docstring says first (the
 * representative's, passed as `docstring` or read from Python code), then its description,
 * design-pattern kind, tags, the names it occurs under, its dependencies and the most
 * frequent words of its code, each on a labelled line the built-in embedder weighs.
 */
export function embeddingTextForPattern(pattern: PatternTextSource): string {
  const qualnames = [...new Set((pattern.occurrences ?? []).map((occurrence) => occurrence.qualname))].slice(0, 8);
  const docstring = splitDocstring(pattern.docstring ?? docstringInCode(pattern.code));
  const said = [
    pattern.name,
    docstring.summary,
    line("details", docstring.details),
    line("description", describedBehaviour(pattern.description)),
    line("summary", pattern.llmDescription ?? ""),
    line("kind", pattern.kind ? pattern.kind.replaceAll("_", " ") : ""),
    line("tags", words(pattern.tags)),
    line("occurs as", qualnames.map((qualname) => `${qualname} (${words([qualname])})`).join(", ")),
    line("depends on", words(pattern.dependencies ?? [])),
  ];
  return [...said, line("code", bodyWords(pattern.code, said))].filter(Boolean).join("\n");
}
