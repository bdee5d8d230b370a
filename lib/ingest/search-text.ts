import { conceptWords, splitIdentifier } from "@/lib/embed";
import type { ExtractedPattern } from "@/lib/domain";
import type { IngestUnit } from "./ingest-source";

const docstringChars = 400;
const maxDocstrings = 5;
const maxCalls = 40;
const maxChars = 6000;

// A docstring's first sentence says what the code does; the rest is detail.
function summary(docstring: string | undefined): string {
  return (docstring ?? "").split(/\.(?:\s|$)|\n\s*\n/)[0];
}

// Words of identifiers and thesaurus entries of texts, kept by their text: the same names
// and docstrings come back at every ingest of a repository. Bounded for long-running processes.
const memoLimit = 50_000;
const wordsByIdentifier = new Map<string, readonly string[]>();
const conceptsByText = new Map<string, readonly string[]>();

function remembered(memo: Map<string, readonly string[]>, text: string, compute: (text: string) => readonly string[]): readonly string[] {
  let value = memo.get(text);
  if (!value) {
    if (memo.size >= memoLimit) memo.clear();
    memo.set(text, (value = compute(text)));
  }
  return value;
}

function spelled(identifiers: Iterable<string>): string {
  const seen = new Set<string>();
  for (const identifier of identifiers) for (const word of remembered(wordsByIdentifier, identifier, splitIdentifier)) seen.add(word);
  return [...seen].join(" ");
}

/**
 * The full-text document of a pattern beyond its name and description: the names it occurs
 * under (as written and split into words, so `getBackoffTime` matches "backoff"), parameter
 * names, docstrings, called names, dependencies, tags and kind, then the programming
 * thesaurus' other words for the ideas its name, summary, kind and tags name (stored with
 * the pattern: a thesaurus change shows in patterns ingested after it).
 */
export function searchTextForPattern(pattern: ExtractedPattern, unitsById: ReadonlyMap<string, IngestUnit>): string {
  const units = pattern.occurrences.map((occurrence) => unitsById.get(occurrence.unitId)).filter((unit) => unit !== undefined);
  const qualnames = [...new Set(pattern.occurrences.map((occurrence) => occurrence.qualname))];
  const docstrings = [...new Set(units.map((unit) => unit.docstring?.trim().slice(0, docstringChars) ?? "").filter(Boolean))];
  const calls = [...new Set(units.flatMap((unit) => unit.calls ?? []))].slice(0, maxCalls);
  const parts = [
    qualnames.join(" "),
    spelled(qualnames),
    spelled(units.flatMap((unit) => (unit.parameters ?? []).map((parameter) => parameter.name))),
    docstrings.slice(0, maxDocstrings).join("\n"),
    spelled(calls),
    spelled(pattern.dependencies),
    spelled(pattern.tags),
    pattern.kind ? pattern.kind.replaceAll("_", " ") : "",
    // Other words for what the pattern says it does (its name, summary, kind and tags), so a
    // full-text query in different words meets it; the thesaurus is lib/embed's.
    [...new Set(remembered(conceptsByText, [pattern.name, spelled(qualnames), summary(docstrings[0]), pattern.kind?.replaceAll("_", " ") ?? "", spelled(pattern.tags)].join("\n"), conceptWords))].join(", "),
  ];
  return parts.filter(Boolean).join("\n").slice(0, maxChars);
}
