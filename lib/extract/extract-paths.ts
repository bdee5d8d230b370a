import { stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { discoverFiles } from "@/lib/extract/discover";
import { prepareUnitFacts } from "@/lib/extract/clustering";
import { assembleResult } from "@/lib/extract/pipeline/assemble-result";
import type { FileOutcome } from "@/lib/extract/pipeline/extract-source";
import type { ExtractionFailure, ExtractionResult, FileExtraction } from "@/lib/domain";
import { readCoverageReport } from "@/lib/quality";
import type { FileTask } from "./worker/read-and-extract";
import { inTaskOrder } from "./in-task-order";
import type { StartedWorker } from "./worker/started-worker";
import { extractInWorkers, startWorkers } from "./worker/worker-pool";
import { shippedUsageReadsModuleStatements } from "./usage";

/** Progress of a run, reported after each file. */
export interface ExtractionProgress {
  done: number;
  total: number;
  file: string;
}

export interface ExtractPathsOptions {
  /** Files or folders, relative to `cwd` or absolute. */
  paths: readonly string[];
  /** Output paths are relative to this folder; default `process.cwd()`. */
  cwd?: string;
  /** At most this many worker threads (1: extract in this thread). Default: the machine's parallelism. */
  jobs?: number;
  include?: readonly string[];
  exclude?: readonly string[];
  /** Path of an lcov, coverage.py JSON or Cobertura XML report. */
  coverage?: string;
  minQuality?: number;
  maxComplexity?: number;
  /** Called once discovery is done (total known) and after every file. */
  onProgress?: (progress: ExtractionProgress) => void;
  /** Called with each extracted file in path order (the order of the result's units), as soon as every file before it is done. */
  onExtractedInPathOrder?: (extraction: FileExtraction) => void;
}

// A worker takes ~0.3 s to start and load its grammars; with fewer than this many files
// each, that costs more than it saves, so a small run uses fewer workers (or none).
const minFilesPerWorker = 16;

/** Worker threads worth starting for a run: at most `jobs`; 1 means none, extract in this thread. */
export function plannedWorkers(jobs: number, files: number): number {
  return Math.max(1, Math.min(jobs, Math.floor(files / minFilesPerWorker)));
}

/** A file left out because it is not hand-written source (generated, minified). */
export interface SkippedFile {
  file: string;
  reason: string;
}

/** The printed result plus what was skipped on purpose (shown in the human summary only). */
export type ExtractionRun = ExtractionResult & { skipped: SkippedFile[] };

// Loaded only here: with workers, this thread never needs the parsers and detectors.
async function extractInProcess(tasks: readonly FileTask[], onOutcome: (outcome: FileOutcome) => void): Promise<FileOutcome[]> {
  const { readAndExtract } = await import("./worker/read-and-extract");
  const outcomes: FileOutcome[] = [];
  for (const task of tasks) {
    const outcome = await readAndExtract(task);
    outcomes.push(outcome);
    onOutcome(outcome);
  }
  return outcomes;
}

/** Options of {@link extractFileOutcomes}. */
export interface ExtractFileOutcomesOptions {
  files: readonly FileTask[];
  /** At most this many worker threads (1: this thread). */
  jobs: number;
  onProgress?: (progress: ExtractionProgress) => void;
  /** Called with each extracted file as it arrives (from a worker: while the others are still being extracted). */
  onExtracted?: (extraction: FileExtraction) => void;
  /** Called with each extracted file in the order of `files`, as soon as every file before it is done. */
  onExtractedInOrder?: (extraction: FileExtraction) => void;
  /** Workers started ahead (`startWorkers`); stopped when the run extracts in this thread or needs fewer. */
  started?: readonly StartedWorker[];
  /** Keep each file's module-level statements; default: when the shipped usage stage reads them. */
  moduleStatements?: boolean;
}

/**
 * Reads and extracts files one by one (in worker threads when there are enough of them),
 * without clustering: what each file gave, in the order given. Incremental ingest extracts
 * only the files whose content changed with this and clusters them with the stored rest.
 */
export async function extractFileOutcomes(options: ExtractFileOutcomesOptions): Promise<{ outcomes: FileOutcome[]; jobs: number }> {
  const moduleStatements = options.moduleStatements ?? shippedUsageReadsModuleStatements;
  const tasks = moduleStatements ? options.files.map((task) => ({ ...task, moduleStatements })) : options.files;
  const jobs = plannedWorkers(options.jobs, tasks.length);
  let done = 0;
  options.onProgress?.({ done, total: tasks.length, file: "" });
  const { onExtractedInOrder } = options;
  const inOrder = onExtractedInOrder
    ? inTaskOrder(tasks.map((task) => task.file), outcomeFile, (outcome: FileOutcome) => outcome.status === "extracted" && onExtractedInOrder(outcome.extraction))
    : undefined;
  const onOutcome = (outcome: FileOutcome) => {
    options.onProgress?.({ done: ++done, total: tasks.length, file: outcomeFile(outcome) });
    if (outcome.status === "extracted") options.onExtracted?.(outcome.extraction);
    inOrder?.(outcome);
  };
  if (jobs === 1) for (const worker of options.started ?? []) worker.stop();
  const outcomes = jobs === 1 ? await extractInProcess(tasks, onOutcome) : await extractInWorkers({ tasks, jobs, onOutcome, started: options.started });
  return { outcomes, jobs };
}

function outcomeFile(outcome: FileOutcome): string {
  if (outcome.status === "extracted") return outcome.extraction.file;
  return outcome.status === "failed" ? outcome.failure.file : outcome.file;
}

// Workers take ~0.3 s to start and load their grammars: when a folder is given (a run that may
// well need them) they start now, while discovery runs, and the run stops those it does not
// need. A run over named files only starts its workers once it knows how many it needs.
async function startWorkersAhead(paths: readonly string[], cwd: string, jobs: number): Promise<StartedWorker[]> {
  if (jobs <= 1) return [];
  const folderGiven = await Promise.all(paths.map((given) => stat(path.resolve(cwd, given)).then((info) => info.isDirectory(), () => false)));
  return folderGiven.some(Boolean) ? startWorkers(Math.min(jobs, os.availableParallelism())) : [];
}

function sortOutcomes(outcomes: FileOutcome[], discoveryFailures: ExtractionFailure[]) {
  const extractions: FileExtraction[] = [];
  const failures: ExtractionFailure[] = [...discoveryFailures];
  const skipped: SkippedFile[] = [];
  for (const outcome of outcomes) {
    if (outcome.status === "extracted") extractions.push(outcome.extraction);
    else if (outcome.status === "failed") failures.push(outcome.failure);
    else skipped.push({ file: outcome.file, reason: outcome.reason });
  }
  return { extractions, failures, skipped };
}

/**
 * Extracts code units and patterns from files and folders: discovers source files, extracts
 * them in worker threads, then clusters, scores, filters and counts on this thread. The
 * result is the same whatever `jobs` is (files are gathered in path order).
 */
export async function extractPaths(options: ExtractPathsOptions): Promise<ExtractionRun> {
  const startedAt = performance.now();
  const cwd = options.cwd ?? process.cwd();
  const requestedJobs = options.jobs ?? os.availableParallelism();
  const started = await startWorkersAhead(options.paths, cwd, requestedJobs);
  let discovery: Awaited<ReturnType<typeof discoverFiles>>;
  let coverage: Awaited<ReturnType<typeof readCoverageReport>> | undefined;
  try {
    discovery = await discoverFiles({ paths: options.paths, cwd, include: options.include, exclude: options.exclude });
    coverage = options.coverage === undefined ? undefined : await readCoverageReport(path.resolve(cwd, options.coverage));
  } catch (error) {
    for (const worker of started) worker.stop();
    throw error;
  }
  const inWorkers = plannedWorkers(requestedJobs, discovery.files.length) > 1;
  const { outcomes, jobs } = await extractFileOutcomes({
    started,
    files: discovery.files,
    jobs: requestedJobs,
    onProgress: options.onProgress,
    // With workers this thread is otherwise idle until the last file: it reads each file's
    // per-unit clustering facts as the file arrives (in one thread it would only move work).
    onExtracted: inWorkers ? prepareUnitFacts : undefined,
    // Discovery lists files in path order, the order of the result's units.
    onExtractedInOrder: options.onExtractedInPathOrder,
  });
  const { extractions, failures, skipped } = sortOutcomes(outcomes, discovery.failures);
  const result = assembleResult({
    extractions,
    failures,
    coverage,
    minQuality: options.minQuality,
    maxComplexity: options.maxComplexity,
    jobs,
    elapsedMs: () => performance.now() - startedAt,
  });
  return { ...result, skipped };
}
