import { splitIdentifier } from "@/lib/embed";
import type { ExtractedPattern } from "@/lib/extract";
import type { IngestUnit } from "./ingest-source";

const docstringChars = 400;
const maxDocstrings = 5;
const maxCalls = 40;
const maxChars = 6000;

function spelled(identifiers: Iterable<string>): string {
  const seen = new Set<string>();
  for (const identifier of identifiers) for (const word of splitIdentifier(identifier)) seen.add(word);
  return [...seen].join(" ");
}

/**
 * The full-text document of a pattern beyond its name and description: the names it occurs
 * under (as written and split into words, so `getBackoffTime` matches "backoff"), parameter
 * names, docstrings, called names, dependencies, tags and kind.
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
  ];
  return parts.filter(Boolean).join("\n").slice(0, maxChars);
}
