import { asService, listRecentlyIngestedRepositories, listSourceFilesByRepository, readSourceFileExtractions, type Database } from "@/lib/db";
import { createEmbeddingProvider, type EmbeddingProvider } from "@/lib/embed";
import { detectLanguage, extractorVersion, extractSource } from "@/lib/extract";
import { processExtractionCache, type ExtractionCache } from "./extraction-cache";
import { extractIncrementally } from "./extract-incrementally";
import { rehearseIngestWrite } from "./ingest-extraction";
import { buildIngestRows } from "./ingest-rows";
import { scopeOfLastWrite } from "./remembered-write";
import { parserWarmUpSources } from "./parser-warm-up-sources";
import { repositoryMemoryFor, type RepositoryMemory } from "./repository-memory-for";

/** Which repository to warm, from which database, for which embedding model. */
export interface WarmTarget {
  database: Database;
  projectId: string;
  repository: string;
  /** The embedding provider the next ingest uses (default: the configured one): its rows are staged for its model; nothing is embedded here. */
  embedder?: EmbeddingProvider;
}

/** What warming read: how many stored files it clustered and how many patterns came out. */
export interface WarmOutcome {
  files: number;
  patterns: number;
}

/**
 * Builds a repository's memory from what the database holds, as an ingest that changed nothing
 * would: every stored extraction read into the extraction cache (the objects the next ingest
 * reuses), the repository clustered with the memory (references, comparisons, cluster
 * outcomes), the staged rows of every pattern built. Nothing is written: the next ingest then
 * does only what its change reaches. Null (nothing done) when nothing is stored or a stored
 * file was extracted by another extractor version (the next ingest extracts it again anyway).
 */
export async function warmRepositoryMemory(options: WarmTarget & { memory: Pick<RepositoryMemory, "clustering" | "ingest">; cache?: ExtractionCache }): Promise<WarmOutcome | null> {
  const { database, projectId, repository } = options;
  const stored = await asService(database, (transaction) => listSourceFilesByRepository({ transaction, projectId, repository, withExtractions: false }));
  if (stored.length === 0 || stored.some((row) => row.extractor_version !== extractorVersion)) return null;
  const cluster = () => extractIncrementally({
    stored, present: stored.map((row) => ({ file: row.file_path, hash: row.content_hash })), scope: null,
    cache: options.cache ?? processExtractionCache, memory: options.memory.clustering,
    readExtractions: (files) => asService(database, (transaction) => readSourceFileExtractions({ transaction, projectId, repository, files })),
    extract: () => Promise.reject(new Error("warming a repository's memory extracts nothing")),
  });
  const incremental = await cluster();
  // The next ingest's write (a difference from the last one), rehearsed and rolled back: its rows
  // built (kept by the memory), its statements planned, its code compiled. Without a last write
  // the next one writes everything anyway: not rehearsed.
  const last = options.memory.ingest.last;
  if (last) await rehearseIngestWrite({ database, projectId, repository, scope: scopeOfLastWrite(last), result: incremental.result, embedder: options.embedder, memory: options.memory.ingest });
  else buildIngestRows(incremental.result, (options.embedder ?? createEmbeddingProvider()).id, options.memory.ingest.rows);
  await loadParsers(stored.map((row) => row.file_path));
  return { files: stored.length, patterns: incremental.result.patterns.length };
}

// The parsers of the repository's languages loaded into this thread, and the extraction's code
// run once, now rather than by the next ingest's first changed file (a small source of each
// language: what it extracts is thrown away).
async function loadParsers(files: readonly string[]): Promise<void> {
  const languages = new Map(files.flatMap((file) => {
    const language = detectLanguage(file);
    return language ? [[language, file]] : [];
  }));
  for (const [language, file] of languages) await extractSource({ file, language, bytes: new TextEncoder().encode(parserWarmUpSources[language]) });
}

/**
 * Warms this process's memory of a repository (`repositoryMemoryFor`) in the background, off
 * the request that asked for it; an ingest of the repository meanwhile waits for it
 * (`RepositoryMemory.warming`). Resolves with the outcome; a failure is told to `onError`
 * (the memory is only an optimisation: the next ingest then does the work itself).
 */
export function warmRepositoryMemoryLater(options: WarmTarget & { folder?: string; onError?: (error: Error) => void }): Promise<WarmOutcome | null> {
  const memory = repositoryMemoryFor(options.projectId, options.repository, options.folder);
  const previous = memory.warming ?? Promise.resolve();
  const warming = previous.then(() => new Promise<WarmOutcome | null>((resolve) => setTimeout(() => {
    warmRepositoryMemory({ ...options, memory }).then(resolve, (error: Error) => {
      options.onError?.(error);
      resolve(null);
    });
  }, 0)));
  memory.warming = warming;
  void warming.then(() => {
    if (memory.warming === warming) memory.warming = undefined;
  });
  return warming;
}

/** How many of the most recently ingested repositories a starting server warms. */
export const warmedAtStart = 4;

/**
 * Warms, one after the other, the memories of the repositories ingested most recently (a
 * server that starts: its first re-ingest of them then does only what changed). Each outcome
 * is told to `onWarmed` with its wall time.
 */
export async function warmRecentRepositories(options: Omit<WarmTarget, "projectId" | "repository"> & {
  folder?: string;
  limit?: number;
  onWarmed?: (warmed: { projectId: string; repository: string; outcome: WarmOutcome | null; ms: number }) => void;
  onError?: (error: Error) => void;
}): Promise<number> {
  const recent = await asService(options.database, (transaction) => listRecentlyIngestedRepositories({ transaction, limit: options.limit ?? warmedAtStart }));
  for (const { project_id: projectId, repository } of recent) {
    const started = performance.now();
    const outcome = await warmRepositoryMemoryLater({ ...options, projectId, repository });
    options.onWarmed?.({ projectId, repository, outcome, ms: performance.now() - started });
  }
  return recent.length;
}
