import { asService, listSourceFilesByRepository, readSourceFileExtractions, type Database, type OperatorProject } from "@/lib/db";
import type { OperatorIngestChanges } from "@/lib/domain";
import type { EmbeddingProvider } from "@/lib/embed";
import { MotifError } from "@/lib/errors";
import { extractSource, type FileOutcome } from "@/lib/extract";
import type { IncrementalFileCounts } from "./assemble-incremental";
import type { ReceivedFile } from "./decode-changed-files";
import { ensureOperatorProject } from "./ensure-operator-project";
import { extractIncrementally } from "./extract-incrementally";
import { ingestExtraction, type IngestSummary } from "./ingest-extraction";
import type { IngestProgress } from "./ingest-tracker";
import type { PresentFile } from "./plan-incremental-ingest";
import { saveIngestMemoryLater } from "./persisted-ingest-memory";
import { repositoryMemoryFor } from "./repository-memory-for";

/** Wall milliseconds of the server's phases: stored files listed, changed files extracted, the repository clustered, written. */
export interface ServerPhases {
  listed: number;
  extracted: number;
  clustered: number;
  written: number;
}

async function extractReceived(files: readonly PresentFile[], received: ReadonlyMap<string, ReceivedFile>, onProgress?: (progress: IngestProgress) => void): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  for (const [index, wanted] of files.entries()) {
    const file = received.get(wanted.file);
    // The stored files changed since the CLI listed them (another ingest, a push): it sent too little.
    if (!file || file.hash !== wanted.hash) {
      throw new MotifError("conflict:resource", `the repository's stored files changed while this ingest was prepared (${wanted.file} was not sent); run it again`);
    }
    outcomes.push(file.bytes
      ? await extractSource({ file: file.file, language: file.language, bytes: file.bytes })
      : { status: "failed", failure: { file: file.file, reason: file.failure! } });
    onProgress?.({ phase: "extracting", done: index + 1, total: files.length });
  }
  return outcomes;
}

/**
 * `motif ingest` through the running server, sending only what changed: the server extracts
 * the changed files it was sent, clusters them with the stored extractions of the rest using
 * its memory of the repository's last ingest (only what the change reaches is clustered
 * again), and writes the difference, as the local operator. The result is that of a full
 * ingest of the files listed as present.
 */
export async function ingestChangesAsOperator(options: {
  database: Database;
  request: OperatorIngestChanges;
  /** The request's files, decoded and checked first (`decodeChangedFiles`), so bad input is refused before an answer streams. */
  received: ReadonlyMap<string, ReceivedFile>;
  embedder: EmbeddingProvider;
  onProgress?: (progress: IngestProgress) => void;
  /**
   * Where the repositories' ingest memories are kept between processes (`ingestMemoryFolder`):
   * a memory made now (a restarted server) starts from the repository's file, and the file is
   * written again after this ingest, off its answer.
   */
  memoryFolder?: string;
  /** The memory could not be kept in its file (the ingest stands): told here, never thrown. */
  onMemoryNotKept?: (error: Error) => void;
}): Promise<IngestSummary & { project: OperatorProject; files: IncrementalFileCounts; server_ms: ServerPhases }> {
  const { database, request } = options;
  const started = performance.now();
  const phases: ServerPhases = { listed: 0, extracted: 0, clustered: 0, written: 0 };
  const project = await ensureOperatorProject({ database, slug: request.project });
  const target = { projectId: project.id, repository: request.repository };
  const memory = repositoryMemoryFor(project.id, request.repository, options.memoryFolder);
  // The memory being built from the database (after a full ingest, at start): this ingest needs it, not a second build.
  await memory.warming;
  const stored = await asService(database, (transaction) => listSourceFilesByRepository({ transaction, ...target, withExtractions: false }));
  phases.listed = performance.now() - started;
  const incremental = await extractIncrementally({
    stored, present: request.present, scope: request.scope, failures: request.failures, memory: memory.clustering, last: memory.extraction,
    readExtractions: (files) => asService(database, (transaction) => readSourceFileExtractions({ transaction, ...target, files })),
    extract: async (files) => {
      const extractStarted = performance.now();
      const outcomes = await extractReceived(files, options.received, options.onProgress);
      phases.extracted = performance.now() - extractStarted;
      return outcomes;
    },
  });
  phases.clustered = performance.now() - started - phases.listed - phases.extracted;
  const summary = await ingestExtraction({
    database, claims: "service_role", ...target, scope: request.scope, commitSha: request.commit_sha,
    result: incremental.result, sourceFiles: incremental.sourceFiles, embedder: options.embedder,
    onProgress: options.onProgress, memory: memory.ingest,
  });
  phases.written = performance.now() - started - phases.listed - phases.extracted - phases.clustered;
  if (options.memoryFolder !== undefined) saveIngestMemoryLater({ folder: options.memoryFolder, ...target }, memory.ingest, options.onMemoryNotKept);
  const server_ms = { listed: Math.round(phases.listed), extracted: Math.round(phases.extracted), clustered: Math.round(phases.clustered), written: Math.round(phases.written) };
  return { ...summary, project, files: incremental.files, server_ms };
}
