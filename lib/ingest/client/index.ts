/**
 * lib/ingest/client: what a process sending an ingest to a server needs (the repository root
 * and scope, the files' git blob ids), without the database, the embedder or the clustering
 * that `@/lib/ingest` brings: `motif ingest` loads only this while `motif serve` does the work.
 */
export { gitBlobHash } from "./git-blob-hash";
export { hashPresentFiles } from "./hash-present-files";
export { findRepositoryRoot } from "./repository-root";
export { ingestScope } from "./ingest-scope";
export { FileHashCache } from "./file-hash-cache";
