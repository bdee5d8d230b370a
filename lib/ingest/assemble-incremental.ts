import type { SourceFileRow } from "@/lib/db";
import { assembleResult, extractorVersion, type ClusteringMemory, type FileOutcome } from "@/lib/extract";
import type { ExtractionFailure, ExtractionResult, FileExtraction } from "@/lib/domain";
import type { CoverageReport } from "@/lib/quality";
import type { SourceFileChanges } from "./ingest-extraction";
import type { IncrementalPlan, PresentFile } from "./plan-incremental-ingest";

/** An incremental ingest's extraction, the file rows to store, and what it read. */
export interface IncrementalExtraction {
  result: ExtractionResult;
  sourceFiles: SourceFileChanges;
  files: IncrementalFileCounts;
}

/** How many files an incremental ingest extracted, reused from the last ingest, found gone. */
export interface IncrementalFileCounts {
  extracted: number;
  reused: number;
  removed: number;
}

function outcomeRow(outcome: FileOutcome, hashes: ReadonlyMap<string, string>): SourceFileRow {
  const file = outcome.status === "extracted" ? outcome.extraction.file : outcome.status === "failed" ? outcome.failure.file : outcome.file;
  const content_hash = hashes.get(file);
  if (!content_hash) throw new Error(`extracted ${file}, which is not among the present files`);
  return {
    file_path: file, content_hash, extractor_version: extractorVersion,
    extraction: outcome.status === "extracted" ? outcome.extraction : null,
    failure: outcome.status === "failed" ? outcome.failure.reason : null,
  };
}

/**
 * Joins the files extracted now with the stored extractions the plan reuses and clusters them
 * all (clustering and relationships span files, so they are always computed whole): the same
 * result a full extraction of the repository gives.
 */
export function assembleIncremental(options: {
  plan: IncrementalPlan;
  present: readonly PresentFile[];
  outcomes: readonly FileOutcome[];
  failures?: readonly ExtractionFailure[];
  coverage?: CoverageReport;
  jobs?: number;
  /** The repository's clustering memory in this process: only what changed is clustered again. */
  memory?: ClusteringMemory;
}): IncrementalExtraction {
  const startedAt = performance.now();
  const hashes = new Map(options.present.map((file) => [file.file, file.hash]));
  const extractions: FileExtraction[] = [];
  const failures: ExtractionFailure[] = [...(options.failures ?? [])];
  for (const row of options.plan.reuse) {
    if (row.extraction) extractions.push(row.extraction as FileExtraction);
    else if (row.failure) failures.push({ file: row.file_path, reason: row.failure });
  }
  for (const outcome of options.outcomes) {
    if (outcome.status === "extracted") extractions.push(outcome.extraction);
    else if (outcome.status === "failed") failures.push(outcome.failure);
  }
  const result = assembleResult({ extractions, failures, coverage: options.coverage, jobs: options.jobs ?? 1, memory: options.memory, elapsedMs: () => performance.now() - startedAt });
  return {
    result,
    sourceFiles: { upserts: options.outcomes.map((outcome) => outcomeRow(outcome, hashes)), deletes: options.plan.deleted },
    files: { extracted: options.outcomes.length, reused: options.plan.reuse.length, removed: options.plan.deleted.length },
  };
}
