import type { CodeUnit, ExtractionResult } from "@/lib/extract/types";

/** A unit as `motif extract --json` prints it: DESIGN §5's fields first, then the rest. */
export type PrintableUnit = Pick<CodeUnit, "file" | "qualname" | "kind" | "language" | "startLine" | "endLine" | "patterns"> & {
  /** Cyclomatic complexity (radon's rules for Python, ESLint's for JS/TS). */
  complexity: number;
} & Omit<CodeUnit, "file" | "qualname" | "kind" | "language" | "startLine" | "endLine" | "patterns">;

/** What `motif extract --json` prints: exactly these five keys. */
export type PrintableResult = Omit<ExtractionResult, "units"> & { units: PrintableUnit[] };

function toPrintableUnit(unit: CodeUnit): PrintableUnit {
  const { file, qualname, kind, language, startLine, endLine, patterns, ...rest } = unit;
  return { file, qualname, kind, language, startLine, endLine, complexity: unit.metrics.cyclomatic, patterns, ...rest };
}

/**
 * The JSON face of a run (DESIGN §5): each unit leads with `file, qualname, kind, language,
 * startLine, endLine, complexity, patterns`; anything else on the run object is left out.
 */
export function toPrintableResult(result: ExtractionResult): PrintableResult {
  return {
    units: result.units.map(toPrintableUnit),
    patterns: result.patterns,
    relationships: result.relationships,
    stats: result.stats,
    failures: result.failures,
  };
}
