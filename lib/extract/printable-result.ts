import type { CodeUnit, ExtractionResult } from "@/lib/domain";

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

function* arrayChunks<Item>(key: string, items: readonly Item[], opening: string, chunkSize: number, toJson: (item: Item) => unknown): Generator<string> {
  let buffer = `${opening}${JSON.stringify(key)}:[`;
  for (let index = 0; index < items.length; index += 1) {
    buffer += `${index === 0 ? "" : ","}${JSON.stringify(toJson(items[index]))}`;
    if (buffer.length >= chunkSize) {
      yield buffer;
      buffer = "";
    }
  }
  yield `${buffer}]`;
}

/** The JSON text of one unit as `motif extract --json` prints it (`toPrintableUnit`). */
export function printableUnitJson(unit: CodeUnit): string {
  return JSON.stringify(toPrintableUnit(unit));
}

/** Where `printableJsonChunks`' text begins: the opening of the result and of its units. */
export const printableJsonOpening = '{"units":[';

/**
 * The JSON text of `toPrintableResult(result)` after its units (`]` closing them, then the
 * patterns, relationships, stats and failures and a newline), in pieces of about `chunkSize`
 * characters: what follows units written one by one as the run went (`PrintableJsonWriter`).
 */
export function* printableJsonAfterUnits(result: ExtractionResult, chunkSize = 1 << 20): Generator<string> {
  yield* arrayChunks("patterns", result.patterns, "],", chunkSize, (pattern) => pattern);
  yield* arrayChunks("relationships", result.relationships, ",", chunkSize, (relationship) => relationship);
  yield `,"stats":${JSON.stringify(result.stats)},"failures":${JSON.stringify(result.failures)}}\n`;
}

/**
 * The JSON text of `toPrintableResult(result)` (plus a newline) in pieces of about
 * `chunkSize` characters. A large repository's result is several times its source size and
 * can exceed the longest string V8 can hold, so it is never built as one string.
 */
export function* printableJsonChunks(result: ExtractionResult, chunkSize = 1 << 20): Generator<string> {
  let buffer = printableJsonOpening;
  for (let index = 0; index < result.units.length; index += 1) {
    buffer += `${index === 0 ? "" : ","}${printableUnitJson(result.units[index])}`;
    if (buffer.length >= chunkSize) {
      yield buffer;
      buffer = "";
    }
  }
  if (buffer) yield buffer;
  yield* printableJsonAfterUnits(result, chunkSize);
}
