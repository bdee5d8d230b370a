import type { CodeUnit, ExtractedPattern, ExtractionFailure, PatternRelationship } from "@/lib/domain";

/** The fields of a code unit that ingest reads (search text, metrics). */
export type IngestUnit = Pick<CodeUnit, "id" | "name" | "qualname" | "kind"> &
  Partial<Pick<CodeUnit, "docstring" | "parameters" | "calls" | "metrics">>;

/**
 * What ingest needs from an extraction: an `ExtractionResult` fits as it is; `slimForIngest`
 * makes the smaller payload the CLI sends to a running server.
 */
export interface IngestSource {
  patterns: ExtractedPattern[];
  relationships: PatternRelationship[];
  failures: ExtractionFailure[];
  units?: IngestUnit[];
}

/** Drops what ingest does not read (unit code, imports, stats) from an extraction result. */
export function slimForIngest(source: IngestSource): IngestSource {
  const wanted = new Set(source.patterns.flatMap((pattern) => pattern.occurrences.map((occurrence) => occurrence.unitId)));
  const units = (source.units ?? [])
    .filter((unit) => wanted.has(unit.id))
    .map(({ id, name, qualname, kind, docstring, parameters, calls, metrics }) => ({ id, name, qualname, kind, docstring, parameters, calls, metrics }));
  return { patterns: source.patterns, relationships: source.relationships, failures: source.failures, units };
}
