import { readFile } from "node:fs/promises";
import type { ExtractionFailure } from "@/lib/domain";
import { gitBlobHash } from "./git-blob-hash";
import type { PresentFile } from "../plan-incremental-ingest";

/**
 * Reads discovered files and names each by its git blob id; a file that cannot be read is a
 * failure (its stored occurrences stay, as for any file a run could not read).
 */
export async function hashPresentFiles(files: ReadonlyArray<{ path: string; file: string }>): Promise<{ present: PresentFile[]; failures: ExtractionFailure[] }> {
  const present: PresentFile[] = [];
  const failures: ExtractionFailure[] = [];
  for (const file of files) {
    try {
      present.push({ file: file.file, hash: gitBlobHash(await readFile(file.path)) });
    } catch (error) {
      failures.push({ file: file.file, reason: `cannot read file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` });
    }
  }
  return { present, failures };
}
