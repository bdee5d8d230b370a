import { asService, getSourceCommitByRepository, listSourceFilesByRepository, readSourceFileExtractions, type Database, type GitHubConnectionRow, type SourceFileRow } from "@/lib/db";
import type { GitHubPushPayload } from "@/lib/domain";
import type { EmbeddingProvider } from "@/lib/embed";
import { extractIncrementally, repositoryMemoryFor, ingestExtraction, type IncrementalFileCounts, type IngestSummary, type PresentFile } from "@/lib/ingest";
import { repositoryParts, type GitHubClient } from "./github-client";
import { extractRemoteFiles, isSourcePath, listSourceFilesAtCommit } from "./repository-files";

/** What a push did: how the changed files were found, and the ingest's summary. */
export interface PushIngest {
  commit: string;
  /** `compare`: the difference from the commit Motif last ingested; `tree`: the whole tree, compared by blob ids. */
  listing: "compare" | "tree";
  files: IncrementalFileCounts;
  ingest: IngestSummary;
}

// GitHub's compare lists at most 300 files; past that the listing may be cut, so the tree is read.
const compareFileLimit = 300;

/**
 * The present files after the push from the compare of the last ingested commit with the
 * new head, applied to the stored files; undefined when the compare cannot be trusted
 * (the head does not descend from it, or the listing may be cut).
 */
async function presentFromCompare(client: GitHubClient, repository: string, stored: SourceFileRow[], base: string, head: string) {
  const { owner, repo } = repositoryParts(repository);
  const { data } = await client.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: `${base}...${head}`, per_page: 100 });
  if (data.status !== "ahead" && data.status !== "identical") return undefined;
  if ((data.files ?? []).length >= compareFileLimit) return undefined;
  const present = new Map(stored.map((row) => [row.file_path, row.content_hash]));
  for (const file of data.files ?? []) {
    if (file.previous_filename) present.delete(file.previous_filename);
    if (file.status === "removed") present.delete(file.filename);
    else if (file.sha && isSourcePath(file.filename)) present.set(file.filename, file.sha);
  }
  return [...present].map(([file, hash]): PresentFile => ({ file, hash }));
}

/**
 * A push to the default branch: finds the files at the new head (the compare with the commit
 * Motif last ingested when the push follows it, else the whole tree by blob ids: a force-push
 * or a first push), fetches and extracts only new and changed files, and ingests the
 * repository incrementally at that commit (deleted files mark their occurrences gone).
 */
export async function ingestPush(options: {
  database: Database;
  connection: GitHubConnectionRow;
  client: GitHubClient;
  payload: GitHubPushPayload;
  embedder: EmbeddingProvider;
}): Promise<PushIngest> {
  const { database, connection, client, payload } = options;
  const scope = { projectId: connection.project_id, repository: connection.repository };
  const [stored, storedCommit] = await asService(database, async (transaction) => [
    await listSourceFilesByRepository({ transaction, ...scope, withExtractions: false }),
    await getSourceCommitByRepository({ transaction, ...scope }),
  ] as const);
  const followsLast = !payload.forced && stored.length > 0 && storedCommit === payload.before;
  const compared = followsLast ? await presentFromCompare(client, connection.repository, stored, payload.before, payload.after) : undefined;
  const present = compared ?? (await listSourceFilesAtCommit(client, { repository: connection.repository, sha: payload.after }));
  const memory = repositoryMemoryFor(scope.projectId, scope.repository);
  const incremental = await extractIncrementally({
    stored, present, scope: null, memory: memory.clustering, last: memory.extraction,
    readExtractions: (files) => asService(database, (transaction) => readSourceFileExtractions({ transaction, ...scope, files })),
    extract: (files) => extractRemoteFiles(client, { repository: connection.repository, ref: payload.after, files }),
  });
  const ingest = await ingestExtraction({
    database, claims: "service_role", ...scope, result: incremental.result, sourceFiles: incremental.sourceFiles,
    commitSha: payload.after, embedder: options.embedder, memory: memory.ingest,
  });
  return { commit: payload.after, listing: compared ? "compare" : "tree", files: incremental.files, ingest };
}
