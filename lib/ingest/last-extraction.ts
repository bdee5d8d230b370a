import type { SourceFileRow } from "@/lib/db";
import type { ExtractionFailure, ExtractionResult } from "@/lib/domain";
import type { PresentFile } from "./plan-incremental-ingest";

/** What decides an incremental ingest's clustering (see {@link LastExtraction}). */
export interface ExtractionInputs {
  /** The file rows the clustering read: reused as stored, and extracted now (their new rows). */
  files: readonly Pick<SourceFileRow, "file_path" | "content_hash" | "extractor_version" | "failure">[];
  present: readonly PresentFile[];
  scope: readonly string[] | null;
  failures: readonly ExtractionFailure[];
  extractorVersion: string;
}

const byFile = (left: { file: string }, right: { file: string }) => (left.file < right.file ? -1 : left.file > right.file ? 1 : 0);

// Every input of the clustering, in one string: the files (present, and every row read, with its
// blob id, extractor version and failure), the scope, the failures and the extractor.
function inputsKey(inputs: ExtractionInputs): string {
  const read = inputs.files.map((row) => ({ file: row.file_path, hash: row.content_hash, version: row.extractor_version, failure: row.failure }));
  return JSON.stringify([
    inputs.extractorVersion, inputs.scope, [...inputs.present].sort(byFile), read.sort(byFile),
    [...inputs.failures].sort((left, right) => byFile(left, right) || (left.reason < right.reason ? -1 : 1)),
  ]);
}

/**
 * The last clustering of a repository in a long-running process and what it was computed
 * from. An ingest that extracts and deletes nothing, over exactly the same files (same blob
 * ids, same stored extractions: those are a function of blob id and extractor version),
 * scope and failures, without a coverage report, gets the same result again without
 * clustering: clustering is a function of these inputs alone.
 */
export class LastExtraction {
  private key: string | undefined;
  private result: ExtractionResult | undefined;
  /** How many runs got the last result again (the server's ingests that clustered nothing). */
  hits = 0;

  /** The last result when a run that extracts and deletes nothing has the last run's inputs, else undefined. */
  reuse(inputs: ExtractionInputs): ExtractionResult | undefined {
    if (!this.result || inputsKey(inputs) !== this.key) return undefined;
    this.hits += 1;
    return this.result;
  }

  /** Keeps this run's result for the next run (forgotten when a coverage report shaped it). */
  remember(inputs: ExtractionInputs, result: ExtractionResult, withCoverage: boolean): void {
    this.key = withCoverage ? undefined : inputsKey(inputs);
    this.result = withCoverage ? undefined : result;
  }
}
