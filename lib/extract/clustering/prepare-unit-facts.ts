import type { FileExtraction } from "@/lib/domain";
import { detectFramework } from "@/lib/extract/naming";
import { shapeFactsOf } from "./cluster-units";
import { documentationFacts } from "./unit-quality";
import { unitBodyFacts } from "./unit-substance";

/**
 * Reads, ahead of `buildPatterns`, the facts clustering, selection and scoring later ask of
 * every unit of one file, each from that unit (or file) alone: its shape tokens and MinHash
 * signature, its body's statements, its documentation and its framework role. Each is
 * memoised by unit object, so `buildPatterns` over the same objects finds them ready and
 * its result is the same with or without this. The CLI calls it as each file arrives from a
 * worker, so this work overlaps the extraction of the other files instead of following it.
 */
export function prepareUnitFacts(file: FileExtraction): void {
  for (const unit of file.units) {
    shapeFactsOf(unit);
    unitBodyFacts(unit);
    documentationFacts(unit);
    detectFramework(unit, file);
  }
}
