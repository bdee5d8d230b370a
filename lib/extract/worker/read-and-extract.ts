import { readFile, stat } from "node:fs/promises";
import { fileTooLargeReason, maxExtractedFileBytes, type Language } from "@/lib/domain";
import { extractSource, type FileOutcome } from "@/lib/extract/pipeline/extract-source";

/** One file for a worker: where to read it and the name to report it under. */
export interface FileTask {
  /** Absolute path. */
  path: string;
  /** Relative to the working directory, forward slashes. */
  file: string;
  language: Language;
  /** Keep the file's module-level statements (see `ExtractFileInput.moduleStatements`). */
  moduleStatements?: boolean;
}

/** Files above this are data or bundles, not hand-written source, and would stall a worker. */
export const maxFileBytes = maxExtractedFileBytes;

const readErrorReasons: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "permission denied",
  ENOENT: "file disappeared before it could be read",
  EISDIR: "is a folder",
};

function readErrorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? "";
  return readErrorReasons[code] ?? `cannot read file: ${error instanceof Error ? error.message : String(error)}`;
}

/** Reads one file (refusing unreadable and oversized ones) and extracts it; never throws. */
export async function readAndExtract(task: FileTask): Promise<FileOutcome> {
  let bytes: Uint8Array;
  try {
    const { size } = await stat(task.path);
    if (size > maxFileBytes) {
      return { status: "failed", failure: { file: task.file, reason: fileTooLargeReason(size) } };
    }
    bytes = await readFile(task.path);
  } catch (error) {
    return { status: "failed", failure: { file: task.file, reason: readErrorReason(error) } };
  }
  return extractSource({ file: task.file, language: task.language, bytes, moduleStatements: task.moduleStatements });
}
