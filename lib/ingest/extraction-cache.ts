import type { FileExtraction } from "@/lib/domain";

/** How many file extractions a process keeps by default (`MOTIF_EXTRACTION_CACHE_FILES`; 0 turns it off). */
export const defaultExtractionCacheFiles = 20_000;

function configuredSize(): number {
  // Read where there is a Node-style environment (the edge functions run in Deno).
  const configured = Number(globalThis.process?.env?.MOTIF_EXTRACTION_CACHE_FILES);
  return Number.isInteger(configured) && configured >= 0 ? configured : defaultExtractionCacheFiles;
}

/**
 * The extractions of files this process has seen, by path, git blob id and extractor version:
 * what a file of that content extracts to, so the entry never goes stale. A long-running
 * server (webhook pushes) then neither reads unchanged files' extractions from the database
 * again nor builds new objects for them, and the clustering's per-unit facts (kept in
 * WeakMaps on the unit objects) stay computed from one ingest to the next. The entries are
 * shared: nothing may change them. Least recently used entries go first.
 */
export class ExtractionCache {
  private readonly entries = new Map<string, FileExtraction>();

  constructor(private readonly limit = configuredSize()) {}

  private static key(file: string, hash: string, extractorVersion: string): string {
    return `${extractorVersion}\u0000${hash}\u0000${file}`;
  }

  /** The cached extraction of this content, marked as just used; undefined when not cached. */
  get(file: string, hash: string, extractorVersion: string): FileExtraction | undefined {
    const key = ExtractionCache.key(file, hash, extractorVersion);
    const found = this.entries.get(key);
    if (found) {
      this.entries.delete(key);
      this.entries.set(key, found);
    }
    return found;
  }

  /** Remembers an extraction; returns the object to use (the cached one when already present). */
  remember(hash: string, extractorVersion: string, extraction: FileExtraction): FileExtraction {
    if (this.limit === 0) return extraction;
    const cached = this.get(extraction.file, hash, extractorVersion);
    if (cached) return cached;
    this.entries.set(ExtractionCache.key(extraction.file, hash, extractorVersion), extraction);
    while (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as string);
    return extraction;
  }

  /** Forgets every extraction (what a new process starts with). */
  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

/** This process's extraction cache, shared by every ingest it runs. */
export const processExtractionCache = new ExtractionCache();
