import type { SourceFileRow } from "@/lib/db";
import { extractorVersion, type FileOutcome } from "@/lib/extract";
import type { ExtractionFailure } from "@/lib/domain";
import type { CoverageReport } from "@/lib/quality";
import { assembleIncremental, type IncrementalExtraction } from "./assemble-incremental";
import { planIncrementalIngest, type PresentFile } from "./plan-incremental-ingest";

/** Options of {@link extractIncrementally}. */
export interface ExtractIncrementallyOptions {
  /** What the last ingest stored for the repository. */
  stored: readonly SourceFileRow[];
  /** The source files present now inside `scope`, with their blob ids. */
  present: readonly PresentFile[];
  /** Path prefixes the present files were gathered from; null: the whole repository. */
  scope: readonly string[] | null;
  /** Extracts the given files (from disk, or from GitHub's contents). */
  extract: (files: PresentFile[]) => Promise<FileOutcome[]>;
  failures?: readonly ExtractionFailure[];
  coverage?: CoverageReport;
}

/**
 * An incremental ingest's extraction: plans against the stored files, extracts only new and
 * changed files, and clusters them with the stored extractions of the rest.
 */
export async function extractIncrementally(options: ExtractIncrementallyOptions): Promise<IncrementalExtraction> {
  const plan = planIncrementalIngest({ stored: options.stored, present: options.present, scope: options.scope, extractorVersion });
  const outcomes = plan.extract.length > 0 ? await options.extract(plan.extract) : [];
  return assembleIncremental({ plan, present: options.present, outcomes, failures: options.failures, coverage: options.coverage });
}
