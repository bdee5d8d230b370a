import type { Database, OperatorProject } from "@/lib/db";
import { ensureOperatorProject } from "./ensure-operator-project";
import { ingestExtraction, type IngestOptions, type IngestSummary } from "./ingest-extraction";
import { loadIngestMemory, saveIngestMemory } from "./persisted-ingest-memory";
import { repositoryMemoryFor } from "./repository-memory-for";

/**
 * `motif ingest` as the local operator (the data dir's owner, running as service_role):
 * creates the project when it is new (no creator, no members), then ingests into it. The
 * CLI calls this directly, or the server does for it when `motif serve` owns the data dir.
 */
export async function ingestAsOperator(
  options: Omit<IngestOptions, "claims" | "projectId" | "memory"> & {
    database: Database;
    slug: string;
    /** A long-running process (the server): keep the repository's memory for its next ingest. A one-shot CLI run has no next ingest. */
    rememberRepository?: boolean;
    /**
     * A one-shot process: the folder where the repository's last write is kept between
     * processes (`persisted-ingest-memory.ts`), so that the next one writes only its difference.
     */
    memoryFolder?: string;
    /** The memory could not be written (the ingest itself stands): told here, never thrown. */
    onMemoryNotKept?: (error: Error) => void;
  },
): Promise<IngestSummary & { project: OperatorProject }> {
  const { rememberRepository = false, memoryFolder, onMemoryNotKept, ...ingestOptions } = options;
  const project = await ensureOperatorProject({ database: options.database, slug: options.slug });
  // The server's process writes the repository's next ingest as a difference from this one.
  const repository = options.repository ?? "";
  const persisted = !rememberRepository && memoryFolder !== undefined ? { folder: memoryFolder, projectId: project.id, repository } : undefined;
  const memory = rememberRepository ? repositoryMemoryFor(project.id, repository).ingest : persisted && loadIngestMemory(persisted);
  const summary = await ingestExtraction({ ...ingestOptions, memory, claims: "service_role", projectId: project.id });
  try {
    if (persisted && memory) saveIngestMemory(persisted, memory);
  } catch (error) {
    onMemoryNotKept?.(error as Error);
  }
  return { ...summary, project };
}
