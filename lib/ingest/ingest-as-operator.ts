import type { Database, OperatorProject } from "@/lib/db";
import { ensureOperatorProject } from "./ensure-operator-project";
import { ingestExtraction, type IngestOptions, type IngestSummary } from "./ingest-extraction";
import { loadIngestMemory, saveIngestMemory, saveIngestMemoryLater } from "./persisted-ingest-memory";
import { repositoryMemoryFor } from "./repository-memory-for";
import { warmRepositoryMemoryLater, type WarmOutcome } from "./warm-repository-memory";

/**
 * `motif ingest` as the local operator (the data dir's owner, running as service_role):
 * creates the project when it is new (no creator, no members), then ingests into it. The
 * CLI calls this directly, or the server does for it when `motif serve` owns the data dir.
 */
export async function ingestAsOperator(
  options: Omit<IngestOptions, "claims" | "projectId" | "memory"> & {
    database: Database;
    slug: string;
    /**
     * A long-running process (the server): keep the repository's memory for its next ingest,
     * and build its clustering part from the stored files right after this ingest, in the
     * background (this route's extraction was clustered elsewhere: the next ingest would
     * otherwise build it, on its own time). A one-shot CLI run has no next ingest.
     */
    rememberRepository?: boolean;
    /**
     * The folder where the repository's last write is kept between processes
     * (`persisted-ingest-memory.ts`), so that the next process (a one-shot `motif ingest`, a
     * restarted server) writes only its difference.
     */
    memoryFolder?: string;
    /** The memory could not be written (the ingest itself stands): told here, never thrown. */
    onMemoryNotKept?: (error: Error) => void;
    /** `rememberRepository`: the repository's memory built after the ingest, in `ms` (null: nothing to build). */
    onMemoryBuilt?: (outcome: WarmOutcome | null, ms: number) => void;
  },
): Promise<IngestSummary & { project: OperatorProject }> {
  const { rememberRepository = false, memoryFolder, onMemoryNotKept, onMemoryBuilt, ...ingestOptions } = options;
  const project = await ensureOperatorProject({ database: options.database, slug: options.slug });
  const repository = options.repository ?? "";
  const persisted = memoryFolder !== undefined ? { folder: memoryFolder, projectId: project.id, repository } : undefined;
  const memory = rememberRepository ? repositoryMemoryFor(project.id, repository, memoryFolder).ingest : persisted && loadIngestMemory(persisted);
  const summary = await ingestExtraction({ ...ingestOptions, memory, claims: "service_role", projectId: project.id });
  if (rememberRepository) {
    if (persisted && memory) saveIngestMemoryLater(persisted, memory, onMemoryNotKept);
    const started = performance.now();
    void warmRepositoryMemoryLater({ database: options.database, projectId: project.id, repository, embedder: options.embedder, folder: memoryFolder, onError: onMemoryNotKept })
      .then((outcome) => onMemoryBuilt?.(outcome, performance.now() - started));
    return { ...summary, project };
  }
  try {
    if (persisted && memory) saveIngestMemory(persisted, memory);
  } catch (error) {
    onMemoryNotKept?.(error as Error);
  }
  return { ...summary, project };
}
