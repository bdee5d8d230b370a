import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { deserialize, serialize } from "node:v8";
import { extractorVersion } from "@/lib/extract";
import type { FileExtraction } from "@/lib/domain";
import type { ExtractionCache } from "./extraction-cache";
import { ingestMemoryFileOf, type PersistedRepository } from "./persisted-ingest-memory";

// Bumped when the file's layout changes: a file of another layout is ignored.
const layout = 1;

interface ExtractionsFile {
  layout: number;
  extractorVersion: string;
  /** Per file: its path, its git blob id, what that content extracts to. */
  entries: Array<[string, string, FileExtraction]>;
}

/** The file keeping one repository's extractions next to its ingest memory. */
export function extractionsFileOf(where: PersistedRepository): string {
  return ingestMemoryFileOf(where).replace(/\.json$/, ".extractions.v8");
}

/**
 * Puts the repository's extractions kept by the last process into `cache`, each under its path,
 * git blob id and extractor version: what a file of that content extracts to, so an entry can
 * never be stale; the ingest uses one only for a stored file of exactly that content and version
 * (the database's listing decides), and reads the others from the database. A missing file, one
 * that does not deserialize, of another layout or extractor version adds nothing. Returns how
 * many entries it added.
 */
export function loadPersistedExtractions(where: PersistedRepository, cache: ExtractionCache): number {
  let file: ExtractionsFile;
  try {
    file = deserialize(readFileSync(extractionsFileOf(where))) as ExtractionsFile;
  } catch {
    return 0;
  }
  if (file?.layout !== layout || file.extractorVersion !== extractorVersion || !Array.isArray(file.entries)) return 0;
  for (const [, hash, extraction] of file.entries) cache.remember(hash, extractorVersion, extraction);
  return file.entries.length;
}

/**
 * Keeps the extractions of the repository's files as they are now (path and blob id, taken from
 * `cache`) for the next process: V8's serialization, a fraction of the cost of reading them back
 * from the database's JSON. Written to a temporary file and renamed; readable by the owner only.
 */
export function savePersistedExtractions(where: PersistedRepository, files: ReadonlyArray<{ file: string; hash: string }>, cache: ExtractionCache): void {
  const entries: ExtractionsFile["entries"] = [];
  for (const { file, hash } of files) {
    const extraction = cache.get(file, hash, extractorVersion);
    if (extraction) entries.push([file, hash, extraction]);
  }
  const target = extractionsFileOf(where);
  mkdirSync(where.folder, { recursive: true, mode: 0o700 });
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, serialize({ layout, extractorVersion, entries } satisfies ExtractionsFile), { mode: 0o600 });
  renameSync(temporary, target);
}
