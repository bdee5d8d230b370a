import { fileTooLargeReason, maxExtractedFileBytes } from "@/lib/domain";
import { detectLanguage, extractSource, isExtractablePath, type FileOutcome } from "@/lib/extract";
import type { PresentFile } from "@/lib/ingest";
import { repositoryParts, type GitHubClient } from "./github-client";

// As `motif ingest` refuses files above 2 MB (data or bundles, not hand-written source).

/** Whether `motif ingest` of a checkout would extract this repository path. */
export function isSourcePath(file: string): boolean {
  return isExtractablePath(file, detectLanguage);
}

/** A file's bytes at a commit, from the contents endpoint (the blob endpoint past 1 MB). */
export async function fetchFileBytes(client: GitHubClient, options: { repository: string; path: string; ref: string; sha: string }): Promise<Uint8Array> {
  const { owner, repo } = repositoryParts(options.repository);
  const { data } = await client.rest.repos.getContent({ owner, repo, path: options.path, ref: options.ref });
  if (Array.isArray(data) || data.type !== "file") throw new Error(`${options.path} at ${options.ref} is not a file`);
  if (data.encoding === "base64" && data.content) return Buffer.from(data.content, "base64");
  const blob = await client.rest.git.getBlob({ owner, repo, file_sha: options.sha });
  return Buffer.from(blob.data.content, "base64");
}

/** Fetches and extracts files at a commit, one at a time (the client spaces the requests). */
export async function extractRemoteFiles(client: GitHubClient, options: { repository: string; ref: string; files: readonly PresentFile[] }): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  for (const file of options.files) {
    const language = detectLanguage(file.file);
    if (!language) continue;
    const bytes = await fetchFileBytes(client, { repository: options.repository, path: file.file, ref: options.ref, sha: file.hash });
    if (bytes.byteLength > maxExtractedFileBytes) {
      outcomes.push({ status: "failed", failure: { file: file.file, reason: fileTooLargeReason(bytes.byteLength) } });
      continue;
    }
    outcomes.push(await extractSource({ file: file.file, language, bytes }));
  }
  return outcomes;
}

/** The source files of a commit with their blob ids, from the recursive tree. */
export async function listSourceFilesAtCommit(client: GitHubClient, options: { repository: string; sha: string }): Promise<PresentFile[]> {
  const { owner, repo } = repositoryParts(options.repository);
  const { data } = await client.rest.git.getTree({ owner, repo, tree_sha: options.sha, recursive: "true" });
  if (data.truncated) throw new Error(`the tree of ${options.repository} at ${options.sha} is too large for one listing`);
  return data.tree
    .filter((entry) => entry.type === "blob" && entry.path && entry.sha && isSourcePath(entry.path))
    .map((entry) => ({ file: entry.path!, hash: entry.sha! }));
}
