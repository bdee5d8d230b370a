import { readFile } from "node:fs/promises";
import type { ExtractionFailure } from "@/lib/domain";
import { statSignature, type FileHashCache } from "./file-hash-cache";
import { gitBlobHash } from "./git-blob-hash";
import type { PresentFile } from "../plan-incremental-ingest";

/**
 * Reads discovered files and names each by its git blob id; a file that cannot be read is a
 * failure (its stored occurrences stay, as for any file a run could not read). With a cache,
 * a file whose size, mtime, ctime and inode are those it had when last hashed is not read
 * (`FileHashCache`), and every file's id is recorded in it for the next run.
 */
export async function hashPresentFiles(files: ReadonlyArray<{ path: string; file: string }>, cache?: FileHashCache): Promise<{ present: PresentFile[]; failures: ExtractionFailure[] }> {
  const present: PresentFile[] = [];
  const failures: ExtractionFailure[] = [];
  for (const file of files) {
    // Stat before reading: a write after the stat changes the stat the next run sees.
    const signature = cache ? statSignature(file.path) : undefined;
    const cached = signature && cache?.lookup(file.file, signature);
    if (signature && cached) {
      cache?.record(file.file, signature, cached);
      present.push({ file: file.file, hash: cached });
      continue;
    }
    try {
      const hash = gitBlobHash(await readFile(file.path));
      if (signature) cache?.record(file.file, signature, hash);
      present.push({ file: file.file, hash });
    } catch (error) {
      failures.push({ file: file.file, reason: `cannot read file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` });
    }
  }
  return { present, failures };
}
