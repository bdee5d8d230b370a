import type { ExtractedPattern } from "@/lib/domain";
import { patternSearchText } from "@/lib/search";
import type { IngestUnit } from "./ingest-source";

/** An extracted pattern's full-text document (lib/search's one builder), from its units' parameters, docstrings and calls. */
export function searchTextForPattern(pattern: ExtractedPattern, unitsById: ReadonlyMap<string, IngestUnit>): string {
  const units = pattern.occurrences.map((occurrence) => unitsById.get(occurrence.unitId)).filter((unit) => unit !== undefined);
  return patternSearchText({
    name: pattern.name,
    kind: pattern.kind,
    tags: pattern.tags,
    dependencies: pattern.dependencies,
    qualnames: pattern.occurrences.map((occurrence) => occurrence.qualname),
    parameterNames: units.flatMap((unit) => (unit.parameters ?? []).map((parameter) => parameter.name)),
    docstrings: units.map((unit) => unit.docstring),
    calls: units.flatMap((unit) => unit.calls ?? []),
  });
}
