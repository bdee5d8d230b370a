import type { ExtractionFailure, ExtractionResult, FileExtraction } from "@/lib/domain";
import { assembleResult, detectLanguage, extractSource, shippedUsageReadsModuleStatements } from "@/lib/extract";
import type { UploadedFile } from "./upload-limits";

/** A file to extract: its text, or its bytes as read from disk (decoded as `motif extract` decodes them). */
export type SourceFile = UploadedFile | { path: string; bytes: Uint8Array };

/** `motif extract`'s filters, applied to the uploaded files' result. */
export interface ExtractFilters {
  minQuality?: number;
  maxComplexity?: number;
}

/** What extraction made of an upload, and which files it skipped as not hand-written. */
export interface UploadExtraction {
  result: ExtractionResult;
  skipped: { file: string; reason: string }[];
}

/**
 * Extracts uploaded files in this process (they are few and small): each file through the
 * same extractor `motif extract` runs, then clustering into patterns across the files. A file
 * in a language Motif does not parse, or one it cannot parse, becomes a failure naming it.
 * `onFile` hears after each file how many are done.
 */
export async function extractUploadedFiles(
  files: SourceFile[],
  filters: ExtractFilters = {},
  onFile?: (done: number, total: number) => void | Promise<void>,
): Promise<UploadExtraction> {
  const startedAt = performance.now();
  const extractions: FileExtraction[] = [];
  const failures: ExtractionFailure[] = [];
  const skipped: UploadExtraction["skipped"] = [];
  for (const [index, file] of files.entries()) {
    const language = detectLanguage(file.path);
    if (!language) {
      failures.push({ file: file.path, reason: "unsupported language: Motif parses .py, .ts, .tsx, .js (and .mjs, .cjs, .jsx, .mts, .cts, .pyi)" });
    } else {
      const bytes = "bytes" in file ? file.bytes : new TextEncoder().encode(file.content);
      const outcome = await extractSource({ file: file.path, language, bytes, moduleStatements: shippedUsageReadsModuleStatements });
      if (outcome.status === "extracted") extractions.push(outcome.extraction);
      else if (outcome.status === "failed") failures.push(outcome.failure);
      else skipped.push({ file: outcome.file, reason: outcome.reason });
    }
    await onFile?.(index + 1, files.length);
  }
  const result = assembleResult({ extractions, failures, ...filters, jobs: 1, elapsedMs: () => performance.now() - startedAt });
  return { result, skipped };
}
