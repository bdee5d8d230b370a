import type { ExtractionResult, FileExtraction } from "@/lib/domain";
import { keepUnit } from "./pipeline";
import { printableJsonAfterUnits, printableJsonOpening, printableUnitJson } from "./printable-result";

/**
 * Writes the text of `printableJsonChunks(result)` while the run goes: each file's units as
 * the file is extracted (files given in path order, the order of the result's units), the
 * rest once the run is done. A run's units are most of its JSON and depend on nothing
 * clustering finds, so their text is made while the other files are still being extracted
 * instead of after the last one.
 */
export class PrintableJsonWriter {
  private unitsWritten = 0;

  /** `write` receives the text in order; `maxComplexity` is the run's (units above it are left out). */
  constructor(
    private readonly write: (chunk: string) => void,
    private readonly maxComplexity?: number,
  ) {
    write(printableJsonOpening);
  }

  /** Writes the units of the next file in path order. */
  addFile(extraction: FileExtraction): void {
    let text = "";
    for (const unit of extraction.units) {
      if (!keepUnit(unit, this.maxComplexity)) continue;
      text += `${this.unitsWritten === 0 ? "" : ","}${printableUnitJson(unit)}`;
      this.unitsWritten += 1;
    }
    if (text) this.write(text);
  }

  /** Writes the rest of the run's JSON; the units written must be the result's units. */
  finish(result: ExtractionResult): void {
    if (this.unitsWritten !== result.units.length) {
      throw new Error(`extract --json: wrote ${this.unitsWritten} units as files arrived, but the run has ${result.units.length}`);
    }
    for (const chunk of printableJsonAfterUnits(result)) this.write(chunk);
  }
}
