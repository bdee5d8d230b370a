import type { SourceFileRow } from "@/lib/db";
import { extractorVersion, type ClusteringMemory, type FileOutcome } from "@/lib/extract";
import type { ExtractionFailure, FileExtraction } from "@/lib/domain";
import type { CoverageReport } from "@/lib/quality";
import { assembleIncremental, type IncrementalExtraction } from "./assemble-incremental";
import type { LastExtraction } from "./last-extraction";
import { processExtractionCache, type ExtractionCache } from "./extraction-cache";
import { planIncrementalIngest, type PresentFile } from "./plan-incremental-ingest";

/** Options of {@link extractIncrementally}. */
export interface ExtractIncrementallyOptions {
  /**
   * What the last ingest stored for the repository. A row's `extraction` may be left
   * undefined (not read): `readExtractions` then reads those the cache does not hold.
   */
  stored: readonly SourceFileRow[];
  /** The source files present now inside `scope`, with their blob ids. */
  present: readonly PresentFile[];
  /** Path prefixes the present files were gathered from; null: the whole repository. */
  scope: readonly string[] | null;
  /** Extracts the given files (from disk, or from GitHub's contents). */
  extract: (files: PresentFile[]) => Promise<FileOutcome[]>;
  /** Reads the stored extractions of these files (by path); needed when `stored` rows leave them out. */
  readExtractions?: (files: string[]) => Promise<ReadonlyMap<string, unknown>>;
  /** Extractions already seen by this process (default: the process's own cache). */
  cache?: ExtractionCache;
  failures?: readonly ExtractionFailure[];
  coverage?: CoverageReport;
  /** The repository's clustering memory in a long-running process (`repositoryMemoryFor`). */
  memory?: ClusteringMemory;
  /** The repository's last clustering in a long-running process: reused when nothing changed. */
  last?: LastExtraction;
}

// The reused rows with their extractions: from the cache when it holds the same content, else
// as stored (read now when the listing left them out), remembered for the next ingest.
async function withExtractions(rows: readonly SourceFileRow[], options: ExtractIncrementallyOptions, cache: ExtractionCache): Promise<SourceFileRow[]> {
  const filled = rows.map((row) => {
    if (row.extraction === null) return row;
    const cached = cache.get(row.file_path, row.content_hash, row.extractor_version);
    if (cached) return { ...row, extraction: cached };
    if (row.extraction === undefined) return row;
    return { ...row, extraction: cache.remember(row.content_hash, row.extractor_version, row.extraction as FileExtraction) };
  });
  const missing = filled.filter((row) => row.extraction === undefined).map((row) => row.file_path);
  if (missing.length === 0) return filled;
  if (!options.readExtractions) throw new Error(`the stored extractions of ${missing.length} files were not read`);
  const read = await options.readExtractions(missing);
  return filled.map((row) => {
    if (row.extraction !== undefined) return row;
    const extraction = read.get(row.file_path);
    if (!extraction) throw new Error(`no stored extraction for ${row.file_path}`);
    return { ...row, extraction: cache.remember(row.content_hash, row.extractor_version, extraction as FileExtraction) };
  });
}

/**
 * An incremental ingest's extraction: plans against the stored files, extracts only new and
 * changed files, and clusters them with the stored extractions of the rest.
 */
export async function extractIncrementally(options: ExtractIncrementallyOptions): Promise<IncrementalExtraction> {
  const cache = options.cache ?? processExtractionCache;
  const plan = planIncrementalIngest({ stored: options.stored, present: options.present, scope: options.scope, extractorVersion });
  const extracted = plan.extract.length > 0 ? await options.extract(plan.extract) : [];
  const hashes = new Map(plan.extract.map((file) => [file.file, file.hash]));
  const outcomes = extracted.map((outcome): FileOutcome => {
    const hash = outcome.status === "extracted" ? hashes.get(outcome.extraction.file) : undefined;
    return hash === undefined || outcome.status !== "extracted" ? outcome : { ...outcome, extraction: cache.remember(hash, extractorVersion, outcome.extraction) };
  });
  const inputs = { present: options.present, scope: options.scope, failures: options.failures ?? [], extractorVersion };
  // Nothing to extract or delete, over the same files as the last run: its clustering again.
  const unchanged = plan.extract.length === 0 && plan.deleted.length === 0 && options.coverage === undefined;
  const last = unchanged ? options.last?.reuse({ ...inputs, files: plan.reuse }) : undefined;
  if (last) return { result: last, sourceFiles: { upserts: [], deletes: [] }, files: { extracted: 0, reused: plan.reuse.length, removed: 0 } };
  const reuse = await withExtractions(plan.reuse, options, cache);
  const incremental = assembleIncremental({ plan: { ...plan, reuse }, present: options.present, outcomes, failures: options.failures, coverage: options.coverage, memory: options.memory });
  options.last?.remember({ ...inputs, files: [...plan.reuse, ...incremental.sourceFiles.upserts] }, incremental.result, options.coverage !== undefined);
  return incremental;
}
