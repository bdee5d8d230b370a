import { skippedContentReason } from "@/lib/extract/discover/content-filters";
import type { ExtractionFailure, FileExtraction, Language } from "@/lib/domain";
import { decodeSource } from "./decode-source";

/** What became of one file: extracted, failed (reported), or skipped as not hand-written. */
export type FileOutcome =
  | { status: "extracted"; extraction: FileExtraction }
  | { status: "failed"; failure: ExtractionFailure }
  | { status: "skipped"; file: string; reason: string };

export interface ExtractSourceInput {
  /** Relative path used in the output. */
  file: string;
  language: Language;
  bytes: Uint8Array;
  /** Keep the file's module-level statements (see `ExtractFileInput.moduleStatements`). */
  moduleStatements?: boolean;
}

// The parsers and detectors load on first use: a thread that only gathers and clusters
// results (the CLI's main thread with workers) never pays for them.
let extractor: Promise<typeof import("@/lib/extract/extract-file")> | undefined;

/**
 * Decodes and extracts one file's bytes. Never throws: anything that goes wrong with this
 * file (binary, malformed text, a parse the extractor refuses, a bug it trips) becomes a
 * failure naming the file, so one bad file never stops a run.
 */
export async function extractSource(input: ExtractSourceInput): Promise<FileOutcome> {
  const decoded = decodeSource(input.bytes, input.language);
  if ("reason" in decoded) return { status: "failed", failure: { file: input.file, reason: decoded.reason } };
  const skipped = skippedContentReason(decoded.source);
  if (skipped) return { status: "skipped", file: input.file, reason: skipped };
  try {
    extractor ??= import("@/lib/extract/extract-file");
    const { extractFile } = await extractor;
    const extraction = await extractFile({ file: input.file, source: decoded.source, language: input.language, moduleStatements: input.moduleStatements });
    return { status: "extracted", extraction };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // The extractor names the file in its messages; the failure already carries it.
    const reason = message.startsWith(`${input.file}: `) ? message.slice(input.file.length + 2) : message;
    return { status: "failed", failure: { file: input.file, reason } };
  }
}
