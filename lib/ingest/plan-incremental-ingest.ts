import type { SourceFileRow } from "@/lib/db";

/** A source file as it is now: its path from the repository root and its git blob id. */
export interface PresentFile {
  file: string;
  hash: string;
}

/** Which files an incremental ingest extracts, which stored extractions it reuses, which are gone. */
export interface IncrementalPlan {
  /** Present files that are new, changed, or stored by another extractor version. */
  extract: PresentFile[];
  /** Stored files whose content is unchanged, and stored files outside the scope (still there). */
  reuse: SourceFileRow[];
  /** Stored files inside the scope that are no longer present. */
  deleted: string[];
}

/** Whether a repository path lies under one of the scope's path prefixes ("" is everything). */
export function inScope(file: string, scope: readonly string[] | null | undefined): boolean {
  if (!scope) return true;
  return scope.some((prefix) => prefix === "" || file === prefix || file.startsWith(`${prefix}/`));
}

/**
 * Compares the files present now (inside `scope`) with what the last ingest stored: an
 * unchanged file (same blob id, same extractor) keeps its stored extraction, others are
 * extracted, stored files inside the scope that are no longer present are gone, and stored
 * files outside the scope stay (the run did not look there) and join the clustering, so the
 * patterns come out as a full ingest of the repository would make them.
 */
export function planIncrementalIngest(options: {
  stored: readonly SourceFileRow[];
  present: readonly PresentFile[];
  scope: readonly string[] | null;
  extractorVersion: string;
}): IncrementalPlan {
  const present = new Map(options.present.map((file) => [file.file, file.hash]));
  const reuse: SourceFileRow[] = [];
  const deleted: string[] = [];
  const reused = new Set<string>();
  for (const row of options.stored) {
    const hash = present.get(row.file_path);
    if (hash === undefined) {
      if (inScope(row.file_path, options.scope)) deleted.push(row.file_path);
      else reuse.push(row);
    } else if (hash === row.content_hash && row.extractor_version === options.extractorVersion) {
      reuse.push(row);
      reused.add(row.file_path);
    }
  }
  const extract = options.present.filter((file) => !reused.has(file.file));
  return { extract, reuse, deleted };
}
