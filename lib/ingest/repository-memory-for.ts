import { ClusteringMemory } from "@/lib/extract";
import { IngestMemory } from "./ingest-memory";
import { LastExtraction } from "./last-extraction";
import { loadIngestMemory } from "./persisted-ingest-memory";

/** What a long-running process keeps of one repository between its ingests. */
export interface RepositoryMemory {
  /** The last clustering: the next clusters again only what its changed files reach. */
  clustering: ClusteringMemory;
  /** The last clustering's result, given again when nothing changed (`LastExtraction`). */
  extraction: LastExtraction;
  /** The last write: the next writes only its difference, while the project is as it left it. */
  ingest: IngestMemory;
  /** The memory being built from the database (`warmRepositoryMemory`): an ingest waits for it rather than do the same work. */
  warming?: Promise<unknown>;
}

/** How many repositories a process remembers (the least recently used is forgotten first). */
export const rememberedRepositories = 16;

const memories = new Map<string, RepositoryMemory>();

/**
 * This process's memory of one project's repository, for the server that receives its pushes.
 * Results are the same with or without it (both parts check what they reuse); it only saves work.
 * `folder`: where the repositories' ingest memories are kept between processes
 * (`persisted-ingest-memory.ts`); a memory made now starts from the repository's file there
 * (a restarted server writes its first ingest as a difference, when the project is as the file says).
 */
export function repositoryMemoryFor(projectId: string, repository: string, folder?: string): RepositoryMemory {
  const key = `${projectId}\u0000${repository}`;
  const memory = memories.get(key) ?? {
    clustering: new ClusteringMemory(), extraction: new LastExtraction(),
    ingest: folder === undefined ? new IngestMemory() : loadIngestMemory({ folder, projectId, repository }),
  };
  memories.delete(key);
  memories.set(key, memory);
  while (memories.size > rememberedRepositories) memories.delete(memories.keys().next().value as string);
  return memory;
}

/** Forgets every repository's memory, as a restart of the process does. */
export function forgetRepositoryMemories(): void {
  memories.clear();
}
